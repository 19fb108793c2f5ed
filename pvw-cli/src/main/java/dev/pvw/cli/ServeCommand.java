package dev.pvw.cli;

import dev.pvw.serve.MartReader;
import dev.pvw.serve.ServeSettings;
import dev.pvw.serve.WebServer;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pvw serve}: both questions in the browser, read-only, from the marts. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a web page that draws both questions (by current postcode, by postcode at view, or both) at any"
                    + " grain and window for the busiest or chosen postcodes, as a chart and a table with CSV"
                    + " downloads; a second view shows one postcode by both questions and their difference; a status"
                    + " strip shows the last hour loaded, the last users snapshot and the health check.",
            "Read-only: each request opens the warehouse for reading (DuckDB: read-only), reads and closes it, so a"
                    + " run waits at most one request. While a run holds a DuckDB file, a request waits up to"
                    + " --lock-wait (2 s for serve unless given) and then answers 503. Runs until Ctrl-C.",
            "See docs/bi.md#the-page-pvw-serve."
        })
final class ServeCommand implements Callable<Integer> {
    /** How long a request waits for a run holding a DuckDB file, unless --lock-wait says otherwise. */
    static final Duration REQUEST_LOCK_WAIT = Duration.ofSeconds(2);

    @ParentCommand
    private PvwCommand pvw;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "8080",
            paramLabel = "PORT",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 for any free port).")
    private int port;

    @Option(
            names = "--bind",
            defaultValue = ServeSettings.DEFAULT_BIND,
            paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every"
                    + " interface: anyone who reaches it reads the marts, there is no login).")
    private String bind;

    @Override
    public Integer call() throws InterruptedException {
        ServeSettings settings = new ServeSettings(bind, port);
        WarehouseUrl url = pvw.warehouseUrl();
        // Like every reading command, refuse at once a warehouse that init has not created, or one too old to read.
        pvw.openWarehouseForReading(SchemaMigrator.LATEST).close();
        Duration lockWait = lockWaitGiven() ? pvw.lockWait() : REQUEST_LOCK_WAIT;
        OpenOptions options = pvw.readingOptions(lockWait).inReadOnlySession();
        Supplier<Warehouse> warehouses = () -> Warehouse.open(url, options);
        CountDownLatch stopped = new CountDownLatch(1);
        try (WebServer server = WebServer.start(
                settings, new MartReader(warehouses, pvw.context().clock()), PeriodFormat.CSV::write)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "pvw-serve-stop"));
            spec.commandLine().getErr().printf("Serving %s at %s (Ctrl-C stops)%n", url.redacted(), server.address());
            spec.commandLine().getErr().flush();
            stopped.await();
        }
        return ExitCodes.OK;
    }

    private boolean lockWaitGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--lock-wait")
                || spec.commandLine().getParent().getParseResult().hasMatchedOption("--lock-wait");
    }
}
