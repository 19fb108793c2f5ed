package dev.pvw.engine.duckdb;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * DuckDB's resource settings for a run: how much memory it may use, and where it spills what does not fit (the work
 * tables of a large run, joins and aggregations). Each is DuckDB's own setting ({@code memory_limit},
 * {@code temp_directory}) given to the driver when the warehouse is opened; empty leaves DuckDB's default (80 % of the
 * RAM; a {@code .tmp} folder beside the database file).
 */
public record DuckDbSettings(Optional<String> memoryLimit, Optional<Path> tempDirectory) {
    /** DuckDB's defaults. */
    public static final DuckDbSettings DEFAULTS = new DuckDbSettings(Optional.empty(), Optional.empty());

    /** A size as DuckDB reads one: a number and a unit of 1000 or 1024 steps. */
    private static final Pattern SIZE = Pattern.compile("(?i)\\d+(\\.\\d+)?\\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)");

    public DuckDbSettings {
        requireNonNull(memoryLimit, "memoryLimit");
        requireNonNull(tempDirectory, "tempDirectory");
        memoryLimit.ifPresent(size -> requireSize("--duckdb-memory-limit", size));
        tempDirectory.ifPresent(directory -> {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new PvwException(
                        ErrorCode.USAGE, "--duckdb-temp-dir " + directory + " exists and is not a directory.");
            }
        });
    }

    private static final String MEMORY_LIMIT = "memory_limit";
    private static final String TEMP_DIRECTORY = "temp_directory";

    /** The settings as engine settings by name, to open a warehouse with (see OpenOptions). */
    public Map<String, String> asEngineSettings() {
        Map<String, String> settings = new HashMap<>();
        memoryLimit.ifPresent(size -> settings.put(MEMORY_LIMIT, size));
        tempDirectory.ifPresent(directory -> settings.put(TEMP_DIRECTORY, directory.toString()));
        return settings;
    }

    /** The settings from engine settings by name; validated again, since they may come from elsewhere. */
    static DuckDbSettings fromEngineSettings(Map<String, String> settings) {
        return new DuckDbSettings(
                Optional.ofNullable(settings.get(MEMORY_LIMIT)),
                Optional.ofNullable(settings.get(TEMP_DIRECTORY)).map(Path::of));
    }

    /** Whether any setting differs from DuckDB's default. */
    public boolean isSet() {
        return memoryLimit.isPresent() || tempDirectory.isPresent();
    }

    /** The driver properties that carry the settings; DuckDB rejects a value it cannot use when it opens. */
    Properties properties() {
        Properties properties = new Properties();
        memoryLimit.ifPresent(size -> properties.setProperty("memory_limit", size.strip()));
        tempDirectory.ifPresent(directory -> properties.setProperty(TEMP_DIRECTORY, directory.toString()));
        return properties;
    }

    private static void requireSize(String option, String size) {
        // DuckDB would refuse a bad size too, but only once the warehouse is opened, in words about its own setting.
        if (!SIZE.matcher(size.strip()).matches()) {
            throw new PvwException(
                    ErrorCode.USAGE,
                    option + " must be a size such as 512MB or 4GiB (units B, KB, MB, GB, TB, KiB, MiB, GiB, TiB),"
                            + " not '" + size + "'.");
        }
    }
}
