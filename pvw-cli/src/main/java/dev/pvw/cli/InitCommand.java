package dev.pvw.cli;

import dev.pvw.warehouse.RunLock;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pvw init}: creates every schema and table; safe to run again at any time. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = "Create every schema and table, the two extract tables included. Safe to run again: it never"
                + " drops or changes data.")
final class InitCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(InitCommand.class);

    @ParentCommand
    private PvwCommand pvw;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (Warehouse warehouse = pvw.openWarehouse();
                RunLock.Lease lease = warehouse.runLock().acquire(pvw.lockWait())) {
            // Under the run lock, as a run: first finish or discard what a run killed part-way left (on Spark).
            warehouse.unitOfWork().recover().forEach(line -> LOG.warn("{}", line));
            int applied = new SchemaMigrator(warehouse, pvw.context().clock()).migrate();
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Warehouse %s is ready (%s).%n",
                            warehouse.url(),
                            applied == 0 ? "schema already up to date" : applied + " schema version(s) applied");
            return 0;
        }
    }
}
