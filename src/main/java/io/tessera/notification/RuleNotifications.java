package io.tessera.notification;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.tessera.automation.RuleNotificationRequested;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.TicketId;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketManagement;

/**
 * The in-app notifications rules ask for ("notify": the assignee, the team's members or one agent), recorded
 * after the rule's transaction commits. Only active agents who may see the ticket are notified; a ticket
 * without an assignee or team notifies nobody there.
 */
@Component
class RuleNotifications {

    private final Notifications notifications;
    private final TicketManagement tickets;
    private final AgentManagement agents;
    private final TeamManagement teams;
    private final TicketAccess access;

    RuleNotifications(Notifications notifications, TicketManagement tickets, AgentManagement agents, TeamManagement teams,
                      TicketAccess access) {
        this.notifications = notifications;
        this.tickets = tickets;
        this.agents = agents;
        this.teams = teams;
        this.access = access;
    }

    @ApplicationModuleListener
    void on(RuleNotificationRequested request) {
        Ticket ticket = tickets.find(TicketId.of(request.ticketId())).orElse(null);
        if (ticket == null) {
            return;
        }
        for (AgentId agent : recipients(ticket, request.who())) {
            boolean reachable = agents.find(agent).filter(Agent::active).isPresent() && access.viewer(agent).sees(ticket);
            if (reachable) {
                notifications.record(agent, NotificationKind.RULE, request.ticketId(), null, request.text(),
                        Actor.automation(request.ruleId()), request.sourceEventId());
            }
        }
    }

    private Set<AgentId> recipients(Ticket ticket, String who) {
        Set<AgentId> recipients = new LinkedHashSet<>();
        switch (who) {
            case "assignee" -> {
                if (ticket.assignee() != null) {
                    recipients.add(ticket.assignee());
                }
            }
            case "team" -> {
                if (ticket.team() != null) {
                    teams.find(ticket.team()).ifPresent(t -> recipients.addAll(t.memberIds()));
                }
            }
            default -> recipients.add(AgentId.of(Long.parseLong(who)));
        }
        return recipients;
    }
}
