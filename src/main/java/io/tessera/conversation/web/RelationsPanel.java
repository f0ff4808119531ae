package io.tessera.conversation.web;

import java.util.List;

import io.tessera.ticket.Follower;
import io.tessera.ticket.LinkedTicket;
import io.tessera.ticket.TicketRef;

/**
 * What the ticket page shows of a ticket's relations: where it was merged into (the banner), what was
 * merged into it, its linked tickets and its followers. Public: the template reads it through SpEL.
 */
public record RelationsPanel(TicketRef mergedInto, List<TicketRef> mergedHere, List<LinkedTicket> links,
                             List<Follower> followers) {
}
