package dev.pvw.cli;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.engine.duckdb.DuckDbSettings;
import dev.pvw.warehouse.Engines;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.Schema;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code pvw} command: options every subcommand shares. */
@Command(
        name = "pvw",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Builds a pageviews warehouse from two extracts: raw.users_extract (all users, reloaded daily) and"
                    + " raw.pageviews_extract (the previous hour's pageviews, reloaded hourly).",
            "The marts answer: pageviews per period and postcode, by the user's current postcode and by the"
                    + " postcode the user had when viewing."
        },
        footer = {
            "",
            "Exit codes: 0 done (also when there was nothing new), 1 failure, 2 bad usage,"
                    + " 3 users snapshot refused by a guard.",
            "Times are UTC, written 2026-01-02T00:05:00 (a space instead of T is accepted).",
            "init, run, schedule, simulate and demo create the warehouse if it is missing; status, check, quarantine,"
                    + " query and serve only read, and exit 1 on a warehouse that init has not created.",
            "Docs: README.md and docs/ in the repository."
        })
final class PvwCommand {
    static final String ENVIRONMENT_VARIABLE = WarehouseUrl.ENVIRONMENT_VARIABLE;

    private static final Logger ROOT_LOGGER = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    /** The level logback's configuration gave the root logger (INFO for the CLI), restored when -v is off. */
    private static final Level CONFIGURED_LEVEL = ROOT_LOGGER.getLevel();

    private final CliContext context;

    @Option(
            names = "--warehouse",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "The warehouse: jdbc:duckdb:PATH (default " + WarehouseUrl.DEFAULT + ", or $"
                    + ENVIRONMENT_VARIABLE + "), jdbc:postgresql://HOST:PORT/DB?user=..., spark:local:DIR"
                    + " or spark:CATALOG")
    private String warehouse;

    @Option(
            names = "--lock-wait",
            paramLabel = "SECONDS",
            defaultValue = "60",
            scope = ScopeType.INHERIT,
            description = "How long to wait for another process using the warehouse (default: ${DEFAULT-VALUE} s).")
    private long lockWaitSeconds;

    @Option(
            names = "--duckdb-memory-limit",
            paramLabel = "SIZE",
            scope = ScopeType.INHERIT,
            description = "DuckDB only: memory the warehouse may use, such as 2GB or 512MiB (default: DuckDB's, 80%%"
                    + " of the RAM). Beyond it DuckDB spills to --duckdb-temp-dir.")
    private String duckDbMemoryLimit;

    @Option(
            names = "--duckdb-temp-dir",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "DuckDB only: folder to spill to when a run needs more memory than it may use (default:"
                    + " the database file's name plus .tmp, beside it). Created if missing.")
    private Path duckDbTempDirectory;

    private boolean verbose;

    PvwCommand(CliContext context) {
        this.context = requireNonNull(context, "context");
    }

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            // With a default picocli calls the setter on every parse, so an embedder's next command is quiet again.
            defaultValue = "false",
            description = "Log every step in detail and show stack traces on failure.")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        ROOT_LOGGER.setLevel(verbose ? Level.DEBUG : CONFIGURED_LEVEL);
        LogConfiguration.showStackTraces(verbose);
    }

    boolean verbose() {
        return verbose;
    }

    CliContext context() {
        return context;
    }

    Duration lockWait() {
        if (lockWaitSeconds < 0) {
            throw new PvwException(
                    ErrorCode.USAGE, "--lock-wait must be 0 or more seconds, not " + lockWaitSeconds + ".");
        }
        return Duration.ofSeconds(lockWaitSeconds);
    }

    /**
     * The warehouse URL from --warehouse, else $PVW_WAREHOUSE, else the default DuckDB file; a relative path in it is
     * taken in the context's working directory.
     */
    WarehouseUrl warehouseUrl() {
        WarehouseUrl url = WarehouseUrl.parse(givenUrl());
        return Engines.of(url).inWorkingDirectory(url, context.workingDirectory());
    }

    private String givenUrl() {
        if (warehouse != null) {
            return warehouse;
        }
        String fromEnvironment = context.environment().get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return WarehouseUrl.DEFAULT;
    }

    /** Opens the warehouse for a command that writes, creating it if it does not exist. */
    Warehouse openWarehouse() {
        return openWarehouse(warehouseUrl());
    }

    /** Opens the warehouse at {@code url} for a command that writes, with the engine options given. */
    Warehouse openWarehouse(WarehouseUrl url) {
        return Warehouse.open(url, OpenOptions.forWriting(lockWait()).withEngineSettings(engineSettings()));
    }

    /**
     * Opens the warehouse for a command that only reads: creates nothing, and fails with one sentence unless pvw init
     * created it with at least schema version {@code needed}.
     */
    Warehouse openWarehouseForReading(int needed) {
        Warehouse warehouse = Warehouse.open(warehouseUrl(), readingOptions(lockWait()));
        try {
            Schema.requireReadable(warehouse, needed);
            return warehouse;
        } catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
    }

    /** How {@link #openWarehouseForReading} opens, with the engine settings given. */
    OpenOptions readingOptions(java.time.Duration lockWait) {
        return OpenOptions.forReading(lockWait).withEngineSettings(engineSettings());
    }

    private java.util.Map<String, String> engineSettings() {
        return duckDbSettings().asEngineSettings();
    }

    /** The --duckdb-* options, validated; a relative temp folder is taken in the working directory. */
    DuckDbSettings duckDbSettings() {
        return new DuckDbSettings(
                Optional.ofNullable(duckDbMemoryLimit),
                Optional.ofNullable(duckDbTempDirectory).map(context.workingDirectory()::resolve));
    }
}
