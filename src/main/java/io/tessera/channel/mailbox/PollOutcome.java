package io.tessera.channel.mailbox;

/**
 * How a poll attempt ended.
 *
 * @param result what was fetched, or {@code null} when the poll failed or did not run
 * @param error  the error recorded on the mailbox, or {@code null}
 * @param ran    whether this caller polled at all (false: disabled, not due, or another poll holds it)
 */
public record PollOutcome(boolean ran, PollResult result, String error) {

    static PollOutcome notClaimed() {
        return new PollOutcome(false, null, null);
    }

    static PollOutcome succeeded(PollResult result) {
        return new PollOutcome(true, result, null);
    }

    static PollOutcome failed(String error) {
        return new PollOutcome(true, null, error);
    }

    public boolean succeeded() {
        return ran && error == null;
    }
}
