package io.tessera.channel.outbox;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.tessera.channel.threading.ThreadIds;
import io.tessera.conversation.Conversations;
import io.tessera.conversation.Message;
import io.tessera.conversation.MessageKind;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.ticket.TicketEventRecorded;
import io.tessera.ticket.TicketManagement;

/**
 * Every public reply of an agent goes to the requester and the followers by mail. It listens
 * synchronously, inside the transaction that saves the reply, so the reply and its queued mail are
 * committed together: there is no reply without its mail and no mail for a reply that was rolled back.
 */
@Component
class ReplyMailer {

    private final Conversations conversations;
    private final TicketManagement tickets;
    private final AgentManagement agents;
    private final TicketMailComposer composer;
    private final Outbox outbox;
    private final ThreadIds threadIds;

    ReplyMailer(Conversations conversations, TicketManagement tickets, AgentManagement agents, TicketMailComposer composer,
                Outbox outbox, ThreadIds threadIds) {
        this.conversations = conversations;
        this.tickets = tickets;
        this.agents = agents;
        this.composer = composer;
        this.outbox = outbox;
        this.threadIds = threadIds;
    }

    @EventListener
    void on(TicketEventRecorded event) {
        if (!"message_added".equals(event.type()) || !MessageKind.PUBLIC_REPLY.name().equals(event.text("kind"))
                || event.actor().type() != Actor.Type.AGENT) {
            return;
        }
        Long messageId = event.longValue("messageId");
        Message message = conversations.message(messageId).orElseThrow();
        String agentName = agents.find(new AgentId(event.actorId())).map(Agent::name).orElse(message.authorName());
        OutgoingMail mail = composer.reply(tickets.get(event.ticket()), messageId, agentName, message.body(),
                message.format());
        outbox.queue(mail);
        threadIds.record(mail.messageId(), event.ticket(), messageId, true);
    }
}
