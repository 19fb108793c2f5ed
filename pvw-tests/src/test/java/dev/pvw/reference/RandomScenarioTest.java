package dev.pvw.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.reference.ReferenceModel.PageviewsOutcome;
import dev.pvw.reference.ReferenceModel.RunOutcome;
import dev.pvw.reference.ReferenceModel.UsersOutcome;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.UserRow;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The random scenarios themselves, without a database: replayable, and rich enough to be worth running. */
class RandomScenarioTest {
    @Test
    void sameSeedGivesTheSameSteps() {
        assertThat(RandomScenario.generate(42)).isEqualTo(RandomScenario.generate(42));
        assertThat(RandomScenario.generate(42)).isNotEqualTo(RandomScenario.generate(43));
    }

    @Test
    void seedsTogetherComeAcrossEveryOutcomeOfBothExtracts() {
        Set<UsersOutcome> usersOutcomes = EnumSet.noneOf(UsersOutcome.class);
        Set<PageviewsOutcome> pageviewsOutcomes = EnumSet.noneOf(PageviewsOutcome.class);
        for (long seed : RandomScenario.SEEDS) {
            ReferenceModel model = new ReferenceModel();
            List<UserRow> users = List.of();
            List<PageviewRow> pageviews = List.of();
            for (ScenarioStep step : RandomScenario.generate(seed)) {
                users = step.usersToLand().orElse(users);
                pageviews = step.pageviewsToLand().orElse(pageviews);
                RunOutcome outcome = model.run(step.asOf(), step.allowShrink(), users, pageviews);
                usersOutcomes.add(outcome.users());
                pageviewsOutcomes.add(outcome.pageviews());
            }
        }

        assertThat(usersOutcomes).containsExactlyInAnyOrder(UsersOutcome.values());
        assertThat(pageviewsOutcomes).containsExactlyInAnyOrder(PageviewsOutcome.values());
    }
}
