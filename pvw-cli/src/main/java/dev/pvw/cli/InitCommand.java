package dev.pvw.cli;

import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import java.util.concurrent.Callable;
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
    @ParentCommand
    private PvwCommand pvw;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (Warehouse warehouse = pvw.openWarehouse()) {
            int applied = new SchemaMigrator(warehouse, pvw.context().clock()).migrate();
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Warehouse %s is ready (%s).%n",
                            warehouse.url(),
                            applied == 0 ? "schema already up to date" : applied + " schema script(s) applied");
            return 0;
        }
    }
}
