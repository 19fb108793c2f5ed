package dev.pvw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptsTest {
    @Test
    void aScriptIsReadFromTheClassPathOncePerJvmWhateverWarehouseAsksForIt() {
        SqlScripts first = new SqlScripts(TestingSessions.DIALECT.name());
        SqlScripts second = new SqlScripts(TestingSessions.DIALECT.name());

        assertThat(second.get("run/start_run")).isSameAs(first.get("run/start_run"));
        assertThat(second.find("no/such_script")).isEmpty();
    }

    @Test
    void anEngineThatOverridesAScriptGetsItsOwnWhileAnotherGetsThePortableOne() {
        SqlScripts portable = new SqlScripts(TestingSessions.DIALECT.name());
        SqlScripts overriding = new SqlScripts("overriding");

        assertThat(portable.get("run/start_run").resource()).isEqualTo("sql/portable/run/start_run.sql");
        assertThat(overriding.get("run/start_run").resource()).isEqualTo("sql/overriding/run/start_run.sql");
        assertThat(portable.get("run/start_run").resource()).isEqualTo("sql/portable/run/start_run.sql");
    }
}
