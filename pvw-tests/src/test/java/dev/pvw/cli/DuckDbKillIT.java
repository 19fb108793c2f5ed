package dev.pvw.cli;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.engine.postgresql.TestingRunLocks;
import dev.pvw.testing.CommittedState;
import dev.pvw.testing.TestingEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Killed and concurrent runs on embedded DuckDB, where the process that opens the file holds it. */
class DuckDbKillIT extends AbstractKillIT {
    @Override
    TestingEngine engine() {
        return TestingEngine.DUCKDB;
    }

    @Override
    long volumeBatchRows() {
        return 3_000_000;
    }

    @Override
    Pattern waitingLine() {
        return Pattern.compile("is in use by another process; waiting up to 60 s");
    }

    @Override
    String anotherRunSentenceStart(String url) {
        return "Another process is using warehouse " + url;
    }

    @Override
    AutoCloseable holdRunLock(String url) throws Exception {
        return TestingRunLocks.holdDuckDb(url);
    }

    /** The database file may not grow past its size now; DuckDB writes the batch's rows into it before committing. */
    @Override
    void fillTheDisk(PvwProcess run, String url) throws Exception {
        FileSizeLimit.apply(run.pid(), Files.size(TestingEngine.duckDbFile(url)));
    }

    @Test
    void aRunWithASmallMemoryLimitSpillsToItsTempDirectoryAndSucceeds() throws Exception {
        // The run must need more than the limit: the volume template's batch does.
        useTheVolumeTemplate();
        Path spill = directory.resolve("spill");
        Path resume = directory.resolve("resume");

        try (PvwProcess run = PvwProcess.start(
                directory,
                "spilling",
                List.of(),
                pauseAt("finished", resume),
                "--warehouse",
                warehouse.url(),
                "--duckdb-memory-limit",
                "100MB",
                "--duckdb-temp-dir",
                "spill",
                "run",
                "--as-of",
                SECOND_RUN_AS_OF)) {
            run.awaitLine(Pattern.compile("Test hook: paused at finished$"), STEP_TIMEOUT);
            // Everything is done but the commit: the work tables of 3 million rows do not fit in 100 MB.
            assertThat(spillFiles(spill))
                    .as("DuckDB's spill files in --duckdb-temp-dir")
                    .isNotEmpty();
            Files.createFile(resume);

            assertThat(run.waitFor(STEP_TIMEOUT)).as(run.describe()).isZero();
            assertThat(run.stdout()).contains(secondBatchRows + " pageviews counted", "checks:     12 passed");
        }
        assertThat(warehouse.currentMart()).isEqualTo(expectedMart(CURRENT_POSTCODE));
        assertThat(warehouse.atViewMart()).isEqualTo(expectedMart(POSTCODE_AT_VIEW));
    }

    @Test
    void aRunWhoseMemoryLimitIsTooSmallEvenToSpillFailsWithOneSentenceAndTheNextRunCompletesIt() throws Exception {
        useTheVolumeTemplate();
        CommittedState before = CommittedState.of(warehouse);

        try (PvwProcess run = PvwProcess.start(
                directory,
                "starved",
                "--warehouse",
                warehouse.url(),
                "--duckdb-memory-limit",
                "10MB",
                "run",
                "--as-of",
                SECOND_RUN_AS_OF)) {
            assertThat(run.waitFor(STEP_TIMEOUT)).as(run.describe()).isEqualTo(ExitCodes.FAILURE);
            assertThat(sentenceOf(run.stderr(), run.describe()))
                    .startsWith("The warehouse ran out of memory during sql/")
                    .contains("Out of Memory Error")
                    .endsWith("give it more memory or room to spill (--duckdb-memory-limit, and --duckdb-temp-dir for a"
                            + " folder with room to spill to), then run the command again.");
        }

        assertThat(CommittedState.of(warehouse)).isEqualTo(before);
        assertTheNextRunCompletesTheWork("failed");
    }

    @Test
    void aFullFolderBesideTheJarWherePvwUnpacksDuckDbsLibraryFailsWithOneSentenceAndChangesNothing() throws Exception {
        CommittedState before = CommittedState.of(warehouse);
        Path installed = Files.createDirectory(directory.resolve("installed"));
        Path jar = Files.copy(PvwProcess.jar(), installed.resolve("pvw.jar"));
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : "amd64";
        Path library = installed.resolve("libduckdb_java.so_linux_" + arch);

        // pvw unpacks DuckDB's 70 MB native library beside its jar before it opens any database; 10 MB is full.
        try (PvwProcess run = PvwProcess.start(
                jar,
                directory,
                "no-library",
                List.of("bash", "-c", "ulimit -f 10240 && exec \"$@\"", "bash"),
                List.of(),
                runArgs(SECOND_RUN_AS_OF))) {
            assertThat(run.waitFor(STEP_TIMEOUT)).as(run.describe()).isEqualTo(ExitCodes.FAILURE);
            assertThat(sentenceOf(run.stderr(), run.describe()))
                    .isEqualTo("Cannot unpack DuckDB's native library to " + library
                            + " (File too large), which pvw keeps beside pvw.jar and loads from there on every later run;"
                            + " give " + installed + " room and let pvw write there once, or copy "
                            + library.getFileName() + " there from where pvw has run, then run again.");
        }
        assertThat(installed.resolve("pvw.jar")).exists();
        try (Stream<Path> files = Files.list(installed)) {
            assertThat(files).as("no partial library left behind").containsExactly(jar);
        }

        assertThat(CommittedState.of(warehouse)).isEqualTo(before);
        assertThat(runOutcomes()).containsExactly("succeeded");
    }

    private static List<Path> spillFiles(Path spill) throws IOException {
        try (Stream<Path> files = Files.list(spill)) {
            return files.filter(file -> file.getFileName().toString().startsWith("duckdb_temp"))
                    .toList();
        }
    }
}
