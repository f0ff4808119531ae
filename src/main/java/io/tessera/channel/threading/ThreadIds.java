package io.tessera.channel.threading;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.tessera.shared.TicketId;

/**
 * Every Message-ID that belongs to a ticket, received or sent ({@code mail_thread_id}). A reply is matched
 * by any id of its In-Reply-To and References (threading rule 2), and a reply we send refers to the ids
 * of the mail it answers.
 */
@Repository
public class ThreadIds {

    /** References are capped like other help desks do: the first id and the latest ones are what matter. */
    static final int MAX_REFERENCES = 20;

    private final JdbcClient jdbc;
    private final Clock clock;

    ThreadIds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String mailMessageId, TicketId ticket, Long messageId, boolean outbound) {
        if (mailMessageId == null || mailMessageId.isBlank()) {
            return;
        }
        jdbc.sql("insert into mail_thread_id (mail_message_id, ticket_id, message_id, outbound, created_at) values (?, ?, ?, ?, ?)")
                .params(mailMessageId, ticket.value(), messageId, outbound, clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The ticket that most recently took a mail with one of these ids. */
    public Optional<TicketId> ticketOf(Collection<String> mailMessageIds) {
        List<String> ids = mailMessageIds.stream().filter(id -> id != null && !id.isBlank()).distinct().limit(200).toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select ticket_id from mail_thread_id where mail_message_id in (:ids) order by created_at desc, ticket_id desc "
                        + "fetch first 1 rows only")
                .param("ids", ids).query(Long.class).optional().map(TicketId::of);
    }

    /**
     * The tickets a reply with these ids may continue: those that took the most recently recorded of the ids,
     * the first to take it first. Almost always one; several when two stored mails share a Message-ID (a reused
     * id: {@link ThreadFinder} then prefers the ticket the sender takes part in, else the first).
     */
    public List<TicketId> ticketsOf(Collection<String> mailMessageIds) {
        List<String> ids = mailMessageIds.stream().filter(id -> id != null && !id.isBlank()).distinct().limit(200).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Optional<String> latest = jdbc.sql("select mail_message_id from mail_thread_id where mail_message_id in (:ids) "
                        + "order by created_at desc, ticket_id desc fetch first 1 rows only")
                .param("ids", ids).query(String.class).optional();
        if (latest.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select ticket_id from mail_thread_id where mail_message_id = ? order by created_at, ticket_id")
                .param(latest.get()).query(Long.class).list().stream().distinct().map(TicketId::of).toList();
    }

    /**
     * What a new mail on this ticket refers to: the latest received Message-ID (In-Reply-To) and the
     * ticket's ids oldest first, capped to the first and the latest {@value #MAX_REFERENCES}.
     */
    public Thread threadOf(TicketId ticket) {
        List<String> all = jdbc.sql("select mail_message_id from mail_thread_id where ticket_id = ? order by created_at, mail_message_id")
                .param(ticket.value()).query(String.class).list();
        String lastReceived = jdbc.sql("select mail_message_id from mail_thread_id where ticket_id = ? and outbound = false "
                        + "order by created_at desc fetch first 1 rows only")
                .param(ticket.value()).query(String.class).optional().orElse(all.isEmpty() ? null : all.get(all.size() - 1));
        List<String> references = new ArrayList<>();
        if (all.size() > MAX_REFERENCES) {
            references.add(all.get(0));
            references.addAll(all.subList(all.size() - (MAX_REFERENCES - 1), all.size()));
        } else {
            references.addAll(all);
        }
        return new Thread(lastReceived, references);
    }

    /** The ids a new mail on a ticket refers to. {@code inReplyTo} is null on a ticket without mail. */
    public record Thread(String inReplyTo, List<String> references) {
    }
}
