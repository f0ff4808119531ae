package io.tessera.channel.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.tessera.channel.threading.ThreadIds;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.notification.AgentNotified;
import io.tessera.notification.Notification;
import io.tessera.notification.NotificationPreferences;
import io.tessera.notification.Notifications;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketManagement;

/**
 * Mails an agent's notifications (someone mentioned you, assigned you a ticket) through the outbox, from the
 * {@code agent-notification} template, unless the agent turned that off or is deactivated. After the
 * notification's commit and in a transaction of its own (the event publication registry retries it until
 * done); the mail's signed Message-ID makes the agent's reply by email land on the ticket as their note.
 */
@Component
class AgentNotificationMails {

    private static final Logger log = LoggerFactory.getLogger(AgentNotificationMails.class);

    private final Notifications notifications;
    private final NotificationPreferences preferences;
    private final AgentManagement agents;
    private final TicketManagement tickets;
    private final TicketMailComposer composer;
    private final Outbox outbox;
    private final ThreadIds threadIds;

    AgentNotificationMails(Notifications notifications, NotificationPreferences preferences, AgentManagement agents,
                           TicketManagement tickets, TicketMailComposer composer, Outbox outbox, ThreadIds threadIds) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.agents = agents;
        this.tickets = tickets;
        this.composer = composer;
        this.outbox = outbox;
        this.threadIds = threadIds;
    }

    @ApplicationModuleListener
    void on(AgentNotified event) {
        Agent agent = agents.find(event.agent()).orElse(null);
        if (agent == null || !agent.active() || !preferences.byEmail(agent.id())) {
            return;
        }
        Notification notification = notifications.find(agent.id(), event.notificationId()).orElse(null);
        Ticket ticket = notification == null ? null : tickets.findByNumber(notification.ticketNumber()).orElse(null);
        if (ticket == null) {
            return; // the ticket or the notification is gone since (deleted with the ticket): nothing to tell
        }
        OutgoingMail mail = composer.agentNotification(ticket, agent.email(), notification.headline(), notification.excerpt());
        outbox.queue(mail);
        threadIds.record(mail.messageId(), ticket.id(), null, true);
        log.debug("Queued the {} notification of #{} for agent {}", event.kind().key(), ticket.number(), agent.id().value());
    }
}
