package io.tessera.channel.mailbox;

import java.time.Duration;

/**
 * How long a poll may keep fetching: well inside its claim, so no other node takes the mailbox over while
 * this one still works on it. Measured on this machine's monotonic clock, not the wall clock.
 */
record PollBudget(long deadlineNanos) {

    static PollBudget of(Duration duration) {
        return new PollBudget(System.nanoTime() + duration.toNanos());
    }

    boolean spent() {
        return System.nanoTime() - deadlineNanos >= 0;
    }
}
