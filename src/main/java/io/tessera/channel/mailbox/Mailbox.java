package io.tessera.channel.mailbox;

import java.time.Instant;

/**
 * A configured mailbox with its polling state.
 *
 * @param lastPolledAt  when the last poll ended, whatever its result
 * @param lastSuccessAt when a poll last ended without an error
 * @param lastError     what went wrong in the last poll, in words an admin can act on; {@code null} after a success
 * @param polling       whether a poll holds it right now (on any node)
 */
public record Mailbox(long id, MailboxSettings settings, Instant lastPolledAt, Instant lastSuccessAt, String lastError,
                      boolean polling) {

    public String name() {
        return settings.name();
    }

    public MailboxStatus status() {
        if (!settings.enabled()) {
            return MailboxStatus.DISABLED;
        }
        if (lastPolledAt == null) {
            return MailboxStatus.NEVER_POLLED;
        }
        return lastError == null ? MailboxStatus.OK : MailboxStatus.ERROR;
    }

    /** Where it connects, for screens and logs: never the password. */
    public String server() {
        return settings.protocol() + " " + settings.host() + ":" + settings.port();
    }

    @Override
    public String toString() {
        return "Mailbox[" + id + ", " + settings + "]";
    }
}
