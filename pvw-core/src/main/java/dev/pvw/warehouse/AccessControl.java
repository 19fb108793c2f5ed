package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.util.Map;

/** Privileges for the people and tools around the warehouse: BI readers see the marts and nothing else. */
public final class AccessControl {
    private final Warehouse warehouse;

    public AccessControl(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    /** Grants {@code role} read access to every table of the mart schema, now and in later schema versions. */
    public void grantRead(RoleName role) {
        requireNonNull(role, "role");
        warehouse.inTransaction(() -> {
            if (warehouse.queryLong("access/role_exists", Map.of("role", role.name())) == 0) {
                throw new PvwException(
                        ErrorCode.FAILURE,
                        "Role " + role + " does not exist on " + warehouse.url().redacted() + "; create it first"
                                + " (CREATE ROLE " + role + " LOGIN), then run grant-read again. Names are"
                                + " case-sensitive here.");
            }
            warehouse.executeForRole("access/grant_read", role);
            return null;
        });
    }
}
