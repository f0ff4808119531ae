package io.tessera.ticket;

import io.tessera.shared.TicketId;

/**
 * Another ticket linked to the one being looked at, as the side panel and the API show it. A linked
 * ticket the viewer may not see keeps only its number ({@code visible} false, no subject or status): the
 * link is there, but what the ticket is about is not the viewer's to read.
 */
public record LinkedTicket(LinkType type, TicketId id, long number, String subject, TicketStatus status,
                           String statusName, boolean visible) {

    public String display() {
        return "#" + number;
    }
}
