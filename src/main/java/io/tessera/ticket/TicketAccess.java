package io.tessera.ticket;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.identity.AgentManagement;
import io.tessera.shared.AgentId;

/**
 * The one place that answers "which tickets may this agent see?" for pages, the API, search and
 * attachments. A ticket the agent may not see is reported as not found, never as forbidden, so ticket
 * numbers cannot be probed.
 */
@Component
@Transactional(readOnly = true)
public class TicketAccess {

    private final AgentManagement agents;
    private final TicketSettings settings;
    private final TicketRepository tickets;

    TicketAccess(AgentManagement agents, TicketSettings settings, TicketRepository tickets) {
        this.agents = agents;
        this.settings = settings;
        this.tickets = tickets;
    }

    public Visibility viewer(AgentId agent) {
        return Visibility.of(agents.get(agent), settings.agentsSeeAllTickets());
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
