package io.tessera.channel.outbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.tessera.automation.RuleMailRequested;
import io.tessera.channel.threading.ThreadIds;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.TicketId;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketManagement;

/**
 * Writes and queues the emails rules ask for, in the rule's transaction: if the rule's work rolls back, so
 * does its mail. "assignee" and "team" mean the agents' addresses (active agents only); a ticket without an
 * assignee or team sends nothing to them, which is logged, not an error: the rule did what it could.
 */
@Component
class RuleMails {

    private static final Logger log = LoggerFactory.getLogger(RuleMails.class);

    private final TicketManagement tickets;
    private final Customers customers;
    private final AgentManagement agents;
    private final TeamManagement teams;
    private final TicketMailComposer composer;
    private final Outbox outbox;
    private final ThreadIds threadIds;

    RuleMails(TicketManagement tickets, Customers customers, AgentManagement agents, TeamManagement teams,
              TicketMailComposer composer, Outbox outbox, ThreadIds threadIds) {
        this.tickets = tickets;
        this.customers = customers;
        this.agents = agents;
        this.teams = teams;
        this.composer = composer;
        this.outbox = outbox;
        this.threadIds = threadIds;
    }

    @EventListener
    void on(RuleMailRequested request) {
        Ticket ticket = tickets.get(TicketId.of(request.ticketId()));
        List<String> to = recipients(ticket, request.to());
        if (to.isEmpty()) {
            log.info("Rule {} wanted to mail the {} of ticket #{}, who has none", request.ruleId(), request.to(), ticket.number());
            return;
        }
        OutgoingMail mail = composer.ruleMail(ticket, to, request.subject(), request.body());
        outbox.queue(mail);
        threadIds.record(mail.messageId(), ticket.id(), null, true);
    }

    private List<String> recipients(Ticket ticket, String to) {
        return switch (to) {
            case "requester" -> customers.find(ticket.requester()).map(c -> List.of(c.email())).orElse(List.of());
            case "assignee" -> ticket.assignee() == null ? List.of()
                    : agents.find(ticket.assignee()).filter(Agent::active).map(a -> List.of(a.email())).orElse(List.of());
            case "team" -> {
                if (ticket.team() == null) {
                    yield List.of();
                }
                Set<String> addresses = new LinkedHashSet<>();
                teams.get(ticket.team()).memberIds().forEach(id ->
                        agents.find(id).filter(Agent::active).ifPresent(a -> addresses.add(a.email())));
                yield List.copyOf(addresses);
            }
            default -> List.of(to);
        };
    }
}
