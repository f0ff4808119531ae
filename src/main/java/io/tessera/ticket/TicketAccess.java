package io.tessera.ticket;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.identity.TicketScopes;
import io.tessera.shared.AgentId;

/**
 * The one place that answers "which tickets may this agent see?" for pages, the API, search and
 * attachments. A ticket the agent may not see is reported as not found, never as forbidden, so ticket
 * numbers cannot be probed.
 */
@Component
@Transactional(readOnly = true)
public class TicketAccess {

    private final TicketScopes scopes;
    private final TicketRepository tickets;

    TicketAccess(TicketScopes scopes, TicketRepository tickets) {
        this.scopes = scopes;
        this.tickets = tickets;
    }

    public Visibility viewer(AgentId agent) {
        return new Visibility(scopes.of(agent));
    }

    /** The ticket with this number if the agent may see it; otherwise {@link TicketNotFound}. */
    public Ticket visibleTicket(AgentId agent, long number) {
        Ticket ticket = tickets.findByNumber(number).orElseThrow(() -> new TicketNotFound(number));
        if (!viewer(agent).sees(ticket)) {
            throw new TicketNotFound(number);
        }
        return ticket;
    }
}
