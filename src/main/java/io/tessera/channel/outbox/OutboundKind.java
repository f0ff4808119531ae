package io.tessera.channel.outbox;

/** Why a mail was sent. Everything but {@link #REPLY} is automatic and says so ({@code Auto-Submitted}). */
public enum OutboundKind {
    /** An agent's public reply. */
    REPLY(false),
    /** "We received your request" on a new ticket. */
    ACKNOWLEDGEMENT(true),
    /** A notification from a rule or template. */
    NOTIFICATION(true),
    /** An admin's "send test mail". */
    TEST(true);

    private final boolean automatic;

    OutboundKind(boolean automatic) {
        this.automatic = automatic;
    }

    public boolean automatic() {
        return automatic;
    }
}
