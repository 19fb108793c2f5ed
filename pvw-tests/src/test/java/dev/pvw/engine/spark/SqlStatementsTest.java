package dev.pvw.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.engine.spark.SqlStatements.Written;
import dev.pvw.engine.spark.SqlStatements.Written.Kind;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {
    @Test
    void aScriptSplitsAtSemicolonsOutsideQuotesAndComments() {
        String script = "-- a comment; not a statement\n"
                + "CREATE NAMESPACE IF NOT EXISTS raw;\n"
                + "INSERT INTO core.t VALUES ('a;b', `c;d`); -- trailing; comment\n"
                + "SELECT 'it''s; fine'";

        assertThat(SqlStatements.split(script))
                .containsExactly(
                        "CREATE NAMESPACE IF NOT EXISTS raw",
                        "INSERT INTO core.t VALUES ('a;b', `c;d`)",
                        "SELECT 'it''s; fine'");
    }

    @Test
    void theTwoPortableSpellingsSparkLacksAreRenderedAsSparkWritesThem() {
        assertThat(SqlStatements.rendered("WITH w AS MATERIALIZED (SELECT CAST(:p AS VARCHAR) AS p) SELECT * FROM w"))
                .isEqualTo("WITH w AS (SELECT CAST(:p AS STRING) AS p) SELECT * FROM w");
        assertThat(SqlStatements.rendered("postcode VARCHAR,\nurl VARCHAR(100)"))
                .isEqualTo("postcode STRING,\nurl VARCHAR(100)");
    }

    @Test
    void theTableAStatementWritesIsNamedAfterItsLeadingComments() {
        assertThat(SqlStatements.written("-- why\nINSERT INTO pvw_delta_current (hour_start) SELECT 1"))
                .contains(new Written(Kind.INSERT, "pvw_delta_current"));
        assertThat(SqlStatements.written("DELETE FROM core.quarantined_users WHERE run_id = 1"))
                .contains(new Written(Kind.DELETE, "core.quarantined_users"));
        assertThat(SqlStatements.written("MERGE INTO mart.x AS m USING d ON true WHEN MATCHED THEN DELETE"))
                .contains(new Written(Kind.MERGE, "mart.x"));
        assertThat(SqlStatements.written("UPDATE core.runs SET outcome = 'x'")).isEmpty();
        assertThat(SqlStatements.written("SELECT 1")).isEmpty();
    }

    @Test
    void aFilledWorkTableIsNamedWithItsQueryAfterTheLeadingComments() {
        assertThat(SqlStatements.filled(
                        "-- why\nCREATE OR REPLACE TEMPORARY VIEW pvw_user_ids AS\n-- its own\nSELECT 1"))
                .contains(new SqlStatements.Filled("pvw_user_ids", "-- its own\nSELECT 1"));
        assertThat(SqlStatements.filled("CREATE TEMPORARY VIEW pvw_run_users AS SELECT 1"))
                .isEmpty();
        assertThat(SqlStatements.filled("CREATE TABLE pvw_x USING iceberg AS SELECT 1"))
                .isEmpty();
    }

    @Test
    void aDroppedWorkTableIsAPlainNameOfTheSessionsNamespace() {
        assertThat(SqlStatements.droppedTable("DROP TABLE IF EXISTS pvw_delta_total PURGE"))
                .contains("pvw_delta_total");
        assertThat(SqlStatements.droppedTable("DROP TABLE IF EXISTS core.runs PURGE"))
                .isEmpty();
        assertThat(SqlStatements.droppedTable("DROP TABLE raw.users_extract")).isEmpty();
    }
}
