package io.tessera.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Actor;
import io.tessera.shared.TicketId;
import io.tessera.ticket.Channel;
import io.tessera.ticket.MessageActivity;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketEventLog;
import io.tessera.ticket.TicketLinks;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketMerges;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.InvalidTicketChange;

/**
 * The conversation on a ticket: opening a ticket with its first message, agents' public replies and
 * internal notes, and customers' messages. Each message and the ticket change it causes (first response,
 * reopening, a status chosen with the reply) are saved in one transaction, guarded by the ticket's version.
 */
@Service
@Transactional
public class Conversations {

    /** Message bodies are capped so one paste cannot fill the database; 64 KB of text is a long email. */
    static final int MAX_BODY = 65_536;

    private final JdbcClient jdbc;
    private final TicketEventLog log;
    private final TicketManagement tickets;
    private final TicketMerges merges;
    private final TicketLinks links;
    private final Attachments attachments;
    private final Clock clock;

    Conversations(JdbcClient jdbc, TicketEventLog log, TicketManagement tickets, TicketMerges merges, TicketLinks links,
                  Attachments attachments, Clock clock) {
        this.jdbc = jdbc;
        this.attachments = attachments;
        this.log = log;
        this.tickets = tickets;
        this.merges = merges;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Opens a ticket with its first message. The message is the requester's request even when an agent
     * types it in after a phone call; the history still says which agent created the ticket.
     */
    public Ticket open(NewTicket request, String firstMessage, BodyFormat format, Actor createdBy, Integer callSeconds) {
        String body = checkedBody(firstMessage);
        Ticket ticket = tickets.create(request, createdBy);
        insert(ticket.id(), MessageKind.CUSTOMER_MESSAGE, Actor.customer(request.requester().value()), createdBy, body,
                format, request.channel(), clock.instant(), callSeconds, true);
        return tickets.get(ticket.id());
    }

    /** Opens a ticket with a message a channel received (an email): the requester wrote it themselves. */
    public WrittenMessage open(NewTicket request, IncomingMessage message) {
        String body = checkedBody(message.body());
        Actor requester = Actor.customer(request.requester().value());
        Ticket ticket = tickets.create(request, requester);
        long id = insert(ticket.id(), MessageKind.CUSTOMER_MESSAGE, requester, requester, body, message.format(),
                message.channel(), clock.instant(), null, true, visible(message));
        return new WrittenMessage(id, tickets.get(ticket.id()));
    }

    /**
     * An agent's public reply or internal note, with the property changes submitted alongside it. With
     * {@code expectedVersion}, nothing is saved if the ticket changed since the agent opened it.
     */
    public Ticket agentWrote(TicketId ticket, Integer expectedVersion, Actor agent, String text, boolean internal,
                             List<TicketChange> changes) {
        return agentWrote(ticket, expectedVersion, agent,
                new AgentMessage(text, BodyFormat.MARKDOWN, internal, changes, List.of())).ticket();
    }

    /**
     * An agent's message with its format and files: the files were stored before this transaction
     * ({@link Attachments#store}, so a slow upload holds no connection) and are linked to the message here,
     * in the transaction that saves it.
     */
    public WrittenMessage agentWrote(TicketId ticket, Integer expectedVersion, Actor agent, AgentMessage message) {
        String body = checkedBody(message.body());
        MessageKind kind = message.internal() ? MessageKind.INTERNAL_NOTE : MessageKind.PUBLIC_REPLY;
        Ticket updated = tickets.messageAdded(ticket, expectedVersion,
                message.internal() ? MessageActivity.INTERNAL_NOTE : MessageActivity.PUBLIC_REPLY, message.changes(), agent);
        // A reply travels the way the request came (an email ticket is answered by email); a note stays inside.
        long id = insert(ticket, kind, agent, agent, body, message.format(),
                message.internal() ? Channel.WEB : updated.channel(), clock.instant(), null, true);
        message.attachmentIds().forEach(attachment -> attachments.attach(attachment, id));
        return new WrittenMessage(id, updated);
    }

    /**
     * A customer's message on an existing ticket — the call every inbound channel makes. The message lands
     * where it belongs: on a ticket merged into another, it goes to that one; on a closed ticket it opens
     * a follow-up (same requester, subject, team, priority and type, linked {@code follow-up-of} the closed
     * one, see docs/merge-and-links.md); on a pending or solved ticket it reopens it.
     *
     * @return the ticket the message landed on: {@code ticket}, a merge target, or the new follow-up
     */
    public Ticket customerWrote(TicketId ticket, Actor customer, String text, BodyFormat format, Channel channel) {
        return customerWrote(ticket, customer, new IncomingMessage(text, format, null, channel, null)).ticket();
    }

    /**
     * {@link #customerWrote(TicketId, Actor, String, BodyFormat, Channel)} for a message a channel received:
     * with its visible text, and the rule for a closed ticket ({@link IncomingMessage.ClosedTicketRule#REOPEN}
     * opens it again instead of starting a follow-up; a ticket closed by a merge still sends the message to
     * the merge target).
     */
    public WrittenMessage customerWrote(TicketId ticket, Actor customer, IncomingMessage message) {
        String body = checkedBody(message.body());
        Channel channel = message.channel();
        Ticket addressed = merges.destination(ticket);
        if (addressed.status() == TicketStatus.CLOSED && message.closedRule() == IncomingMessage.ClosedTicketRule.REOPEN
                && addressed.mergedInto() == null) {
            addressed = tickets.reopenClosed(addressed.id(), customer);
        }
        if (addressed.status() == TicketStatus.CLOSED) {
            Ticket followUp = tickets.create(new NewTicket(addressed.subject(), addressed.requester(), channel,
                    addressed.priority(), addressed.type(), addressed.team(), null, Set.of(), null), customer);
            long id = insert(followUp.id(), MessageKind.CUSTOMER_MESSAGE, customer, customer, body, message.format(),
                    channel, clock.instant(), null, true, visible(message));
            links.followUp(followUp.id(), addressed.id(), customer);
            return new WrittenMessage(id, tickets.get(followUp.id()));
        }
        Ticket updated = tickets.messageAdded(addressed.id(), null, MessageActivity.CUSTOMER_MESSAGE, List.of(), customer);
        long id = insert(addressed.id(), MessageKind.CUSTOMER_MESSAGE, customer, customer, body, message.format(), channel,
                clock.instant(), null, true, visible(message));
        return new WrittenMessage(id, updated);
    }

    /**
     * Replaces the body of a message just received, once its files are stored: an email's {@code cid:}
     * images then point at their attachments. Only for customer messages, in the transaction that saved it.
     */
    public void resolveInlineImages(long messageId, String body) {
        jdbc.sql("update message set body = ? where id = ? and kind = 'CUSTOMER_MESSAGE'")
                .params(checkedBody(body), messageId).update();
    }

    /**
     * A system note on a ticket: something a machine reported that agents should see but customers not
     * (a bounce of the ticket's mail). Does not change the ticket's status.
     */
    public long systemNote(TicketId ticket, String text, String visibleText) {
        Actor system = Actor.system();
        tickets.messageAdded(ticket, null, MessageActivity.INTERNAL_NOTE, List.of(), system);
        return insert(ticket, MessageKind.INTERNAL_NOTE, system, system, checkedBody(text), BodyFormat.TEXT, Channel.EMAIL,
                clock.instant(), null, true, visibleText);
    }

    /**
     * An internal note written by a rule (a trigger's "add internal note" action), with the rule as its
     * author, so the timeline says which rule wrote it.
     */
    public long ruleNote(TicketId ticket, String text, Actor rule) {
        tickets.messageAdded(ticket, null, MessageActivity.INTERNAL_NOTE, List.of(), rule);
        return insert(ticket, MessageKind.INTERNAL_NOTE, rule, rule, checkedBody(text), BodyFormat.MARKDOWN, Channel.WEB,
                clock.instant(), null, true);
    }

    private static String visible(IncomingMessage message) {
        String visible = message.visibleText();
        if (visible == null || visible.isBlank()) {
            return null;
        }
        return visible.length() > MAX_BODY ? visible.substring(0, MAX_BODY) : visible.strip();
    }

    /** Stores a message with a given time (demo data, importers) as history: it notifies nobody. */
    public long importMessage(TicketId ticket, MessageKind kind, Actor author, String body, Channel channel, Instant at) {
        return insert(ticket, kind, author, author, body, BodyFormat.TEXT, channel, at, null, false);
    }

    private long insert(TicketId ticket, MessageKind kind, Actor author, Actor enteredBy, String body, BodyFormat format,
                        Channel channel, Instant at, Integer callSeconds, boolean live) {
        return insert(ticket, kind, author, enteredBy, body, format, channel, at, callSeconds, live, null);
    }

    private long insert(TicketId ticket, MessageKind kind, Actor author, Actor enteredBy, String body, BodyFormat format,
                        Channel channel, Instant at, Integer callSeconds, boolean live, String visibleText) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into message (ticket_id, kind, author_type, author_id, body, body_format, channel, call_seconds, "
                        + "visible_text, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ticket.value(), kind.name(), author.type().name(), author.id(), body, format.name(), channel.name(),
                        callSeconds, visibleText, at.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (live) {
            log.append(ticket, new MessageAdded(id, kind), enteredBy, at);
        } else {
            log.appendHistory(ticket, new MessageAdded(id, kind), enteredBy, at);
        }
        return id;
    }

    private static String checkedBody(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidTicketChange("body", "Write a message.");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidTicketChange("body", "A message can be at most 64 KB of text; attach longer content as a file.");
        }
        return body;
    }

    /** The messages of a ticket with their authors' names, in one query. */
    @Transactional(readOnly = true)
    public List<Message> messages(TicketId ticket) {
        return jdbc.sql(MessageRows.SELECT + "where m.ticket_id = ? order by m.created_at, m.id")
                .param(ticket.value())
                .query(MessageRows::message)
                .list();
    }

    /** One message with its author's name, e.g. for a notification about it. */
    @Transactional(readOnly = true)
    public Optional<Message> message(long id) {
        return jdbc.sql(MessageRows.SELECT + "where m.id = ?").param(id).query(MessageRows::message).optional();
    }
}
