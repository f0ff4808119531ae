package io.tessera.conversation;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Actor;
import io.tessera.shared.TicketId;
import io.tessera.ticket.Channel;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketLinks;
import io.tessera.ticket.TicketManagement;

/**
 * Splitting a customer's message off into a ticket of its own — when one email asks two unrelated
 * things. The new ticket has the same requester, team, priority and type, the message's text and
 * attachments as its first message, and is related to its origin; both record {@code split}. The message
 * stays on the origin too: its conversation keeps making sense.
 */
@Service
@Transactional
public class TicketSplits {

    private final JdbcClient jdbc;
    private final TicketManagement tickets;
    private final Conversations conversations;
    private final MessageCopies copies;
    private final TicketLinks links;

    TicketSplits(JdbcClient jdbc, TicketManagement tickets, Conversations conversations, MessageCopies copies,
                 TicketLinks links) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.conversations = conversations;
        this.copies = copies;
        this.links = links;
    }

    /** The message as a split needs it. */
    private record Source(MessageKind kind, String body, BodyFormat format, Channel channel) {
    }

    /**
     * Creates the new ticket from message {@code messageId} of ticket {@code origin}.
     *
     * @param subject the new ticket's subject; blank keeps the origin's
     * @throws InvalidTicketChange ({@code messageId}) when the message is not a customer message of the ticket
     */
    public Ticket split(TicketId origin, long messageId, String subject, Actor by) {
        Source message = jdbc.sql("select kind, body, body_format, channel from message where id = ? and ticket_id = ?")
                .params(messageId, origin.value())
                .query((rs, n) -> new Source(MessageKind.valueOf(rs.getString("kind")), rs.getString("body"),
                        BodyFormat.valueOf(rs.getString("body_format")), Channel.valueOf(rs.getString("channel"))))
                .optional()
                .orElseThrow(() -> new InvalidTicketChange("messageId", "There is no such message on this ticket."));
        if (message.kind() != MessageKind.CUSTOMER_MESSAGE) {
            throw new InvalidTicketChange("messageId", "Only a customer's message can be split into a new ticket.");
        }
        Ticket from = tickets.get(origin);
        String title = subject == null || subject.isBlank() ? from.subject() : subject;
        Ticket created = conversations.open(new NewTicket(title, from.requester(), message.channel(), from.priority(),
                from.type(), from.team(), null, Set.of(), null), message.body(), message.format(), by, null);
        long firstMessage = jdbc.sql("select min(id) from message where ticket_id = ?").param(created.id().value())
                .query(Long.class).single();
        copies.copyAttachments(messageId, created.id(), firstMessage);
        links.split(origin, created.id(), messageId, by);
        return tickets.get(created.id());
    }
}
