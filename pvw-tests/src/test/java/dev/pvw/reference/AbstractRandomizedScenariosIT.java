package dev.pvw.reference;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.testing.CliResult;
import dev.pvw.testing.MartRow;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random scenarios run through the real pipeline on one engine: after every run the exit code and both marts
 * must equal those of the {@link ReferenceModel} exactly. A failure names the seed and step; replay it with
 * {@code -Dpvw.seeds=SEED}.
 */
@TestInstance(Lifecycle.PER_CLASS)
public abstract class AbstractRandomizedScenariosIT {
    /** How many earlier steps a failure message shows, to see how the warehouse got there. */
    private static final int STEPS_SHOWN = 8;

    private final TestingEngine engine;

    protected AbstractRandomizedScenariosIT(TestingEngine engine) {
        this.engine = requireNonNull(engine, "engine");
    }

    /** The seeds this engine runs: a few of its own in the fast tier, every one in the full tier. */
    Stream<Long> seeds() {
        return RandomScenario.seeds(engine.name()).stream();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void bothMartsMatchTheReferenceModelAfterEveryRun(long seed, @TempDir Path directory) {
        List<ScenarioStep> steps = RandomScenario.generate(seed);
        try (TestingWarehouse warehouse =
                TestingWarehouse.initialized(engine, directory).heldOpen()) {
            replay(seed, steps, warehouse);
        }
    }

    private static void replay(long seed, List<ScenarioStep> steps, TestingWarehouse warehouse) {
        ReferenceModel model = new ReferenceModel();
        List<UserRow> usersExtract = List.of();
        List<PageviewRow> pageviewsExtract = List.of();

        land(warehouse, steps.get(0));
        for (ScenarioStep step : steps) {
            usersExtract = step.usersToLand().orElse(usersExtract);
            pageviewsExtract = step.pageviewsToLand().orElse(pageviewsExtract);
            ReferenceModel.RunOutcome expected =
                    model.run(step.asOf(), step.allowShrink(), usersExtract, pageviewsExtract);
            CliResult result = warehouse.pvw(step.runArguments().toArray(String[]::new));

            Failure failure = new Failure(seed, steps, step, expected, result);
            Read read = new Read(warehouse.currentMart(), warehouse.atViewMart(), warehouse.rollupsDisagreeing());
            if (step.number() < steps.size()) {
                land(warehouse, steps.get(step.number()));
            }
            assertThat(result.exitCode())
                    .as(() -> failure.describe("exit code"))
                    .isEqualTo(expected.exitCode());
            assertThat(MartDifferences.between(model.currentMart(), read.currentMart()))
                    .as(() -> failure.describe("mart.pageviews_hourly_by_current_postcode differs from the model"))
                    .isEmpty();
            assertThat(MartDifferences.between(model.atViewMart(), read.atViewMart()))
                    .as(() -> failure.describe("mart.pageviews_hourly_by_postcode_at_view differs from the model"))
                    .isEmpty();
            // The hourly marts are checked against the model; the fact and the daily marts against the rollups.
            assertThat(read.rollupsDisagreeing())
                    .as(() -> failure.describe(
                            "rows of core.pageview_user_hours, mart.pageviews_daily_by_current_postcode"
                                    + " and mart.pageviews_daily_by_postcode_at_view disagreeing with the fact and the hourly"
                                    + " marts they roll up"))
                    .containsOnly(0L);
        }
    }

    /** Lands the extracts a step replaces, before its run. */
    private static void land(TestingWarehouse warehouse, ScenarioStep step) {
        step.usersToLand().ifPresent(warehouse::landUsers);
        step.pageviewsToLand().ifPresent(warehouse::landPageviews);
    }

    /** What a step reads back after its run: both hourly marts, and how many rows each rollup disagrees on. */
    private record Read(List<MartRow> currentMart, List<MartRow> atViewMart, List<Long> rollupsDisagreeing) {}

    /** Everything needed to understand and replay a failing step. */
    private record Failure(
            long seed,
            List<ScenarioStep> steps,
            ScenarioStep step,
            ReferenceModel.RunOutcome expected,
            CliResult result) {
        String describe(String what) {
            String recent = steps.subList(Math.max(0, step.number() - 1 - STEPS_SHOWN), step.number() - 1).stream()
                    .map(ScenarioStep::toString)
                    .collect(Collectors.joining("\n  ", "  ", ""));
            return String.format(
                    "seed %d, %s: %s%n"
                            + "model: users %s, pageviews %s, exit %d%n"
                            + "replay: -Dpvw.seeds=%d (step %d of %d)%n"
                            + "earlier steps:%n%s%n"
                            + "pvw %s",
                    seed,
                    step,
                    what,
                    expected.users(),
                    expected.pageviews(),
                    expected.exitCode(),
                    seed,
                    step.number(),
                    steps.size(),
                    step.number() == 1 ? "  (none)" : recent,
                    result);
        }
    }
}
