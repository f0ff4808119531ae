package io.tessera.notification;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.conversation.Mentions;
import io.tessera.conversation.Message;
import io.tessera.conversation.MessageFormatting;
import io.tessera.conversation.MessageKind;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketEventRecorded;
import io.tessera.ticket.TicketManagement;

/**
 * Turns ticket events into notifications, after the ticket's transaction committed and in a transaction
 * of its own: the event publication registry keeps the event until this listener finished, and retries
 * it otherwise. Nobody is notified of their own doing, and nobody about a ticket they may not see.
 */
@Component
class NotificationTrigger {

    private static final int EXCERPT = 280;

    private final Notifications notifications;
    private final Conversations conversations;
    private final MessageFormatting formatting;
    private final AgentManagement agents;
    private final TicketManagement tickets;
    private final TicketAccess access;

    NotificationTrigger(Notifications notifications, Conversations conversations, MessageFormatting formatting,
                        AgentManagement agents, TicketManagement tickets, TicketAccess access) {
        this.notifications = notifications;
        this.conversations = conversations;
        this.formatting = formatting;
        this.agents = agents;
        this.tickets = tickets;
        this.access = access;
    }

    @ApplicationModuleListener
    void on(TicketEventRecorded event) {
        if ("message_added".equals(event.type())) {
            mentions(event);
        } else if ("assignee_changed".equals(event.type())) {
            assigned(event, event.longValue("to"));
        } else if ("ticket_created".equals(event.type())) {
            assigned(event, event.longValue("assigneeId"));
        }
    }

    /** Mentions count in agents' replies and notes, not in what customers write. */
    private void mentions(TicketEventRecorded event) {
        String kind = event.text("kind");
        Long messageId = event.longValue("messageId");
        if (messageId == null || MessageKind.CUSTOMER_MESSAGE.name().equals(kind)) {
            return;
        }
        Message message = conversations.message(messageId).orElse(null);
        if (message == null || message.author().type() != Actor.Type.AGENT || message.format() != BodyFormat.MARKDOWN
                || !message.body().contains("@")) {
            return;
        }
        String html = formatting.markdownToHtml(message.body());
        List<Agent> mentioned = Mentions.mentioned(html, agents.list());
        if (mentioned.isEmpty()) {
            return;
        }
        Ticket ticket = tickets.get(event.ticket());
        String excerpt = excerpt(formatting.plainText(html));
        for (Agent agent : mentioned) {
            if (agent.id().value() != message.author().id() && access.viewer(agent.id()).sees(ticket)) {
                notifications.record(agent.id(), NotificationKind.MENTIONED, event.ticketId(), messageId, excerpt,
                        message.author(), event.eventId());
            }
        }
    }

    private void assigned(TicketEventRecorded event, Long assignee) {
        Actor actor = event.actor();
        if (assignee == null || (actor.type() == Actor.Type.AGENT && assignee.equals(actor.id()))) {
            return;
        }
        notifications.record(AgentId.of(assignee), NotificationKind.ASSIGNED, event.ticketId(), null, null, actor,
                event.eventId());
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT - 1) + "…";
    }
}
