package dev.pvw.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvw.PvwException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DuckDbSettingsTest {
    @TempDir
    Path directory;

    @Test
    void theDefaultsSetNothing() {
        assertThat(DuckDbSettings.DEFAULTS.isSet()).isFalse();
        assertThat(DuckDbSettings.DEFAULTS.properties()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"512MB", "4GiB", "1.5 GB", "100kb", " 2TB "})
    void passesSizesToDuckDbAsItsOwnSettings(String size) {
        DuckDbSettings settings = new DuckDbSettings(Optional.of(size), Optional.of(directory.resolve("spill")));

        assertThat(settings.isSet()).isTrue();
        assertThat(settings.properties())
                .containsEntry("memory_limit", size.strip())
                .containsEntry("temp_directory", directory.resolve("spill").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lots", "512", "-1GB", "50%", "1GB; SET threads = 1", "1 XB"})
    void refusesWhatIsNotASize(String size) {
        assertThatThrownBy(() -> new DuckDbSettings(Optional.of(size), Optional.empty()))
                .isInstanceOf(PvwException.class)
                .hasMessageStartingWith("--duckdb-memory-limit must be a size such as 512MB or 4GiB");
    }

    @Test
    void refusesATempDirectoryThatIsAFile() throws Exception {
        Path file = Files.writeString(directory.resolve("file"), "x");

        assertThatThrownBy(() -> new DuckDbSettings(Optional.empty(), Optional.of(file)))
                .isInstanceOf(PvwException.class)
                .hasMessage("--duckdb-temp-dir " + file + " exists and is not a directory.");
    }
}
