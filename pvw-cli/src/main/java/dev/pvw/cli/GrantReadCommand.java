package dev.pvw.cli;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.AccessControl;
import dev.pvw.warehouse.Dialect;
import dev.pvw.warehouse.Engines;
import dev.pvw.warehouse.RoleName;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pvw grant-read ROLE}: lets a BI role read the marts, and nothing in raw or core (PostgreSQL only). */
@Command(
        name = "grant-read",
        mixinStandardHelpOptions = true,
        description = "Grant an existing database role read access to the mart schema only (its tables now and"
                + " later), nothing in raw or core. Needs a PostgreSQL warehouse.")
final class GrantReadCommand implements Callable<Integer> {
    @ParentCommand
    private PvwCommand pvw;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ROLE", description = "The role to grant, exactly as it is named.")
    private String role;

    @Override
    public Integer call() {
        RoleName roleName = new RoleName(role);
        WarehouseUrl url = pvw.warehouseUrl();
        Dialect dialect = Engines.of(url).dialect();
        if (!dialect.supportsRoles()) {
            throw new PvwException(
                    ErrorCode.USAGE,
                    "grant-read needs a PostgreSQL warehouse (jdbc:postgresql://...), as " + dialect.name()
                            + " has no roles; " + dialect.readAccessAdvice() + ".");
        }
        try (Warehouse warehouse = pvw.openWarehouse()) {
            new SchemaMigrator(warehouse, pvw.context().clock()).migrate();
            new AccessControl(warehouse).grantRead(roleName);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Role %s can now read the mart schema of %s (and nothing in raw or core).%n",
                            roleName, warehouse.url());
            return ExitCodes.OK;
        }
    }
}
