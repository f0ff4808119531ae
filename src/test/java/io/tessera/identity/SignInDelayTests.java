package io.tessera.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tessera.identity.internal.SignInFailureRepository.Counts;

class SignInDelayTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final SignInDelay delay = new SignInDelay(
            new SecuritySettings(5, Duration.ofMinutes(15), null, null, 20, 30));

    @Test
    void waitsStartAtTheLimitAndDoubleUpToTheLongestWait() {
        assertThat(delay.after(4, 5)).isZero();
        assertThat(delay.after(5, 5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delay.after(6, 5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delay.after(14, 5)).isEqualTo(Duration.ofSeconds(512));
        assertThat(delay.after(15, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(delay.after(5_000, 5)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theWaitRunsFromTheLastFailure() {
        Counts sixForThePair = new Counts(6, NOW.minusSeconds(1), 6, NOW.minusSeconds(1), 6, NOW.minusSeconds(1));

        assertThat(delay.before(sixForThePair, false, NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delay.before(sixForThePair, false, NOW.plusSeconds(1))).isZero();
    }

    @Test
    void theAccountWideCountSlowsOnlyAddressesTheAgentHasNotSignedInFrom() {
        Counts botnet = new Counts(0, null, 0, null, 30, NOW);

        assertThat(delay.before(botnet, false, NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delay.before(botnet, true, NOW)).isZero();
    }

    @Test
    void oneAddressSprayingManyAccountsWaitsPastItsLimitExceptForAgentsWhoSignedInFromIt() {
        Counts spray = new Counts(1, NOW, 21, NOW, 1, NOW);

        assertThat(delay.before(spray, false, NOW)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delay.before(spray, true, NOW)).as("a colleague behind the same NAT").isZero();
    }

    @Test
    void thePairCountHoldsEvenAtAKnownAddress() {
        Counts guessing = new Counts(6, NOW, 6, NOW, 6, NOW);

        assertThat(delay.before(guessing, true, NOW)).isEqualTo(Duration.ofSeconds(2));
    }
}
