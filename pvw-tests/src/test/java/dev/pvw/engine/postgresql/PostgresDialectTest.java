package dev.pvw.engine.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.warehouse.WarehouseUrl;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresDialectTest {
    private static final WarehouseUrl WITHOUT_PASSWORD = WarehouseUrl.parse("jdbc:postgresql://db:5432/pvw?user=pvw");
    private static final WarehouseUrl WITH_PASSWORD =
            WarehouseUrl.parse("jdbc:postgresql://db:5432/pvw?user=pvw&password=fromurl");

    @Test
    void pgpasswordIsUsedWhenTheUrlHasNoPassword() {
        PostgresDialect dialect = new PostgresDialect(Map.of("PGPASSWORD", "fromenv"));

        assertThat(dialect.connectionProperties(WITHOUT_PASSWORD)).containsEntry("password", "fromenv");
    }

    @Test
    void aPasswordInTheUrlWinsOverPgpassword() {
        PostgresDialect dialect = new PostgresDialect(Map.of("PGPASSWORD", "fromenv"));

        assertThat(dialect.connectionProperties(WITH_PASSWORD)).doesNotContainKey("password");
    }

    @Test
    void withNeitherTheDriverIsLeftToReadPgpass() {
        PostgresDialect dialect = new PostgresDialect(Map.of());

        assertThat(dialect.connectionProperties(WITHOUT_PASSWORD)).doesNotContainKey("password");
    }

    @Test
    void identifiersAreQuotedWithInnerQuotesDoubled() {
        assertThat(new PostgresDialect(Map.of()).quoteIdentifier("bi\"x")).isEqualTo("\"bi\"\"x\"");
    }
}
