package io.tessera.ticket;

import io.tessera.shared.TicketId;

/**
 * The ticket changed since the caller read it (its version moved on). Nothing was saved: the caller shows
 * what changed and lets the person decide, instead of silently overwriting someone else's work.
 */
public class ConcurrentTicketChange extends RuntimeException {

    private final TicketId ticket;
    private final int expectedVersion;
    private final int actualVersion;

    public ConcurrentTicketChange(TicketId ticket, int expectedVersion, int actualVersion) {
        super("Ticket changed since it was opened (version " + expectedVersion + " → " + actualVersion + ")");
        this.ticket = ticket;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public TicketId ticket() {
        return ticket;
    }

    public int expectedVersion() {
        return expectedVersion;
    }

    public int actualVersion() {
        return actualVersion;
    }
}
