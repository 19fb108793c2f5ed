package dev.pvw.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void theDelayDoublesAfterEachFailureUpToFifteenMinutes() {
        RetryPolicy policy = RetryPolicy.startingAt(Duration.ofMinutes(1));

        assertThat(IntStream.rangeClosed(1, 7).mapToObj(policy::delayAfter))
                .containsExactly(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(8),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15));
    }

    @Test
    void aFirstDelayLongerThanFifteenMinutesIsAlsoTheLongest() {
        RetryPolicy policy = RetryPolicy.startingAt(Duration.ofMinutes(20));

        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMinutes(20));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void refusesADelayOfZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.startingAt(Duration.ZERO));
    }
}
