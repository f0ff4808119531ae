package io.tessera.ticket;

import java.util.Collection;
import java.util.Map;

import io.tessera.shared.TicketId;

/**
 * A named part of every ticket's API JSON that another module contributes, such as the SLA module's
 * {@code sla} object: the ticket module cannot depend on the modules that build on it, yet clients expect
 * one ticket document. Answered for a whole page of tickets at once, so a list of 100 costs one query per
 * extension, not 100. Tickets missing from the answer get {@code null} under the key.
 */
public interface TicketApiExtension {

    /** The JSON property, e.g. {@code sla}. */
    String key();

    Map<TicketId, Object> describe(Collection<TicketId> tickets);
}
