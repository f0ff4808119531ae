package io.tessera.ticket;

import java.util.Map;

/**
 * A change to a ticket, as stored in the ticket event log: a type name and the changed values. Records
 * of each kind are declared in {@link TicketEvents}; modules that own other parts of a ticket (messages)
 * declare theirs.
 */
public interface TicketEvent {

    /** Stable name stored in the log, e.g. {@code status_changed}. */
    String type();

    /** The changed values, stored as JSON. */
    Map<String, Object> payload();
}
