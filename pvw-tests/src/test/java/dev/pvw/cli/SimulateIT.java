package dev.pvw.cli;

import static dev.pvw.testing.CliSentences.sentenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.MartRow;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pvw simulate}: days of synthetic extracts landed and run hour by hour, reproducibly, into a new warehouse. */
class SimulateIT {
    private static final String[] SMALL = {
        "simulate",
        "--days",
        "1",
        "--users",
        "400",
        "--pageviews-per-day",
        "4000",
        "--start",
        "2026-01-01",
        "--seed",
        "3"
    };

    @TempDir
    Path directory;

    /** One simulation of the small settings for the class, which the tests read or copy rather than repeat. */
    private static TestingWarehouse simulated;

    private static CliResult simulation;

    @BeforeAll
    static void simulateOnce(@TempDir Path simulatedDirectory) {
        simulated = new TestingWarehouse(TestingEngine.DUCKDB, simulatedDirectory);
        simulation = simulated.pvw(SMALL);
    }

    @Test
    void fillsANewWarehouseHourByHourAsTheSchedulerWould() {
        TestingWarehouse warehouse = simulated;
        CliResult result = simulation;

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .startsWith("Simulated 1 day from 2026-01-01 on jdbc:duckdb:")
                .contains("25 runs", "pageviews counted");
        assertThat(result.err()).contains("Simulating", "100%", "25/25", "runs/min");
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.runs WHERE outcome = 'succeeded'"))
                .isEqualTo(25);
        // The day's users at 00:05, and the next day's at the last tick, which lands the day's last hour.
        assertThat(warehouse.queryLong("SELECT count(*) FROM core.users_snapshots"))
                .isEqualTo(2);
        assertThat(totalsByDay(warehouse.currentMart()))
                .containsOnlyKeys(LocalDate.parse("2026-01-01"))
                .isEqualTo(totalsByDay(warehouse.atViewMart()));
        assertThat(warehouse.queryLong("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'sim'"))
                .as("the simulated systems are gone")
                .isZero();
    }

    /** The second simulation also runs without progress, which the first (the class's) shows. */
    @Test
    void theSameSeedGivesTheSameWarehouseAndWithoutProgressItPrintsOnlyTheSummary(@TempDir Path elsewhere) {
        TestingWarehouse first = simulated;
        TestingWarehouse second = new TestingWarehouse(TestingEngine.DUCKDB, elsewhere);

        assertThat(simulation.exitCode()).isZero();
        CliResult quiet = second.pvw(
                Stream.concat(Stream.of(SMALL), Stream.of("--no-progress")).toArray(String[]::new));

        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).contains("25 runs");
        assertThat(second.currentMart()).isEqualTo(first.currentMart());
        assertThat(second.atViewMart()).isEqualTo(first.atViewMart());
    }

    @Test
    void aWarehouseThatHoldsDataIsRefused() {
        assertThat(simulation.exitCode()).isZero();
        TestingWarehouse warehouse = simulated.copyInto(directory);

        CliResult again = warehouse.pvw(SMALL);

        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sentenceOf(again))
                .contains("already holds 2 users snapshot(s) and 24 pageview batch(es)")
                .contains("simulate into a new warehouse;");
    }

    @Test
    void settingsOutOfRangeAreBadUsageNamingTheOption() {
        TestingWarehouse warehouse = new TestingWarehouse(TestingEngine.DUCKDB, directory);

        CliResult users = warehouse.pvw("simulate", "--users", "5");
        CliResult rates = warehouse.pvw("simulate", "--move-rate", "0.7", "--delete-rate", "0.5");

        assertThat(users.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sentenceOf(users)).startsWith("--users must be from 10 to 100000000, not 5");
        assertThat(rates.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sentenceOf(rates)).startsWith("--move-rate + --delete-rate must be at most 1");
    }

    /** The extracts are generated in a scratch DuckDB and loaded through files: the same marts as on DuckDB. */
    @Test
    void aPostgresqlWarehouseGetsTheSameMartsAsADuckDbOne() {
        TestingWarehouse warehouse = new TestingWarehouse(TestingEngine.POSTGRESQL, directory);

        CliResult result = warehouse.pvw(
                Stream.concat(Stream.of(SMALL), Stream.of("--no-progress")).toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("25 runs").doesNotContainPattern("password=[^*]");
        assertThat(simulation.exitCode()).isZero();
        assertThat(warehouse.currentMart()).isEqualTo(simulated.currentMart());
        assertThat(warehouse.atViewMart()).isEqualTo(simulated.atViewMart());
    }

    private static Map<LocalDate, Long> totalsByDay(List<MartRow> rows) {
        return rows.stream()
                .collect(Collectors.groupingBy(
                        row -> row.hourStart().toLocalDate(), Collectors.summingLong(MartRow::pageviews)));
    }
}
