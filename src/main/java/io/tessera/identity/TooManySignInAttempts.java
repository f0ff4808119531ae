package io.tessera.identity;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in attempt that came too soon after failed ones; the password was not checked. Thrown alike for
 * known and unknown emails, so it says nothing about which addresses belong to agents.
 */
public class TooManySignInAttempts extends AuthenticationException {

    private final Duration retryAfter;

    TooManySignInAttempts(Duration retryAfter) {
        super("Too many failed sign-ins: try again in " + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s");
        this.retryAfter = retryAfter;
    }

    /** How long the client should wait before the next attempt, at least a second. */
    public Duration retryAfter() {
        return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
    }
}
