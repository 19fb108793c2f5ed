package dev.pvw.cli;

import dev.pvw.pipeline.Maintenance;
import dev.pvw.warehouse.MaintenancePolicy;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pvw maintain}: compacts, expires and cleans an Iceberg warehouse's files, under the run lock. */
@Command(
        name = "maintain",
        mixinStandardHelpOptions = true,
        description = {
            "Maintain the tables of a Spark warehouse (Iceberg): compact small data files (not the extracts', which"
                    + " their processes reload), expire snapshots older than --keep-snapshots (always keeping the"
                    + " latest), and remove files no snapshot references that are older than --orphans-after. Takes"
                    + " the run lock first, so it never races a run; schedule it daily.",
            "DuckDB and PostgreSQL maintain their own storage: there it says so and changes nothing."
        })
final class MaintainCommand implements Callable<Integer> {
    @ParentCommand
    private PvwCommand pvw;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--keep-snapshots",
            paramLabel = "DURATION",
            defaultValue = "7d",
            converter = DurationConverter.class,
            description = "How long each table keeps its older snapshots, which time travel reads (default:"
                    + " ${DEFAULT-VALUE}).")
    private Duration keepSnapshots;

    @Option(
            names = "--orphans-after",
            paramLabel = "DURATION",
            defaultValue = "3d",
            converter = DurationConverter.class,
            description = "How old a file no snapshot references must be before it is removed; younger ones may"
                    + " belong to a write still under way (default: ${DEFAULT-VALUE}).")
    private Duration orphansAfter;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Warehouse warehouse = pvw.openWarehouseForReading(SchemaMigrator.LATEST)) {
            // Iceberg stamps snapshots and files with the wall clock, not the logical time a run takes with --as-of.
            Instant now = Instant.now();
            Optional<List<String>> done = new Maintenance(warehouse, pvw.lockWait())
                    .run(new MaintenancePolicy(now.minus(keepSnapshots), 1, now.minus(orphansAfter)));
            if (done.isEmpty()) {
                out.printf(
                        "Warehouse %s needs no maintenance from pvw: %s maintains its own storage.%n",
                        warehouse.url(), warehouse.dialect().name());
                return ExitCodes.OK;
            }
            done.get().forEach(out::println);
            out.printf("Maintained %d tables of %s.%n", done.get().size(), warehouse.url());
            return ExitCodes.OK;
        }
    }
}
