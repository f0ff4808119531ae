package io.tessera.identity;

import java.time.Duration;
import java.time.Instant;

import io.tessera.identity.internal.SignInFailureRepository.Counts;

/**
 * How long the next sign-in attempt must wait, from the failures counted so far. Three counts, each with
 * its own limit: one account from one address (someone guessing one password), one address over all
 * accounts (password spraying), and one account over all addresses (a guessing botnet). Below its limit a
 * count costs nothing; at the limit the next attempt waits a second after the last failure, and every
 * further failure doubles that, up to the longest wait.
 *
 * <p>The address-wide and account-wide counts only slow an agent at an address they have never signed in
 * from: otherwise whoever fails on purpose could keep the agent out (what the old lock allowed), and one
 * office behind one NAT address, where the whole team mistypes a few passwords a day, would slow everyone
 * in it. From a known address only the per-pair count applies, which still stops guessing that password.
 */
final class SignInDelay {

    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

    private final SecuritySettings settings;

    SignInDelay(SecuritySettings settings) {
        this.settings = settings;
    }

    Duration before(Counts counts, boolean knownAddress, Instant now) {
        Duration wait = remaining(counts.forPair(), counts.lastForPair(), settings.maxFailedLogins(), now);
        if (!knownAddress) {
            wait = longer(wait, remaining(counts.fromAddress(), counts.lastFromAddress(),
                    settings.maxFailedLoginsPerAddress(), now));
            wait = longer(wait, remaining(counts.forEmail(), counts.lastForEmail(),
                    settings.maxFailedLoginsPerAccount(), now));
        }
        return wait;
    }

    /** The wait after the {@code failures}th failure: none below the limit, then 1 s, 2 s, 4 s… up to the cap. */
    Duration after(int failures, int limit) {
        if (failures < limit) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - limit, 30);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(settings.lockoutDuration()) > 0 ? settings.lockoutDuration() : wait;
    }

    private Duration remaining(int failures, Instant lastFailure, int limit, Instant now) {
        if (lastFailure == null || failures < limit) {
            return Duration.ZERO;
        }
        Instant allowedFrom = lastFailure.plus(after(failures, limit));
        return allowedFrom.isAfter(now) ? Duration.between(now, allowedFrom) : Duration.ZERO;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
