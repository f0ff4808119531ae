package io.tessera.channel.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every mail Tessera sends goes through here: {@link #queue} writes it in the caller's transaction (the
 * reply and its mail are saved together or not at all), and {@link OutboxSender} delivers it afterwards
 * with retries. Mail to addresses that bounced permanently is kept but {@link OutboundStatus#SUPPRESSED}.
 */
@Service
@Transactional
public class Outbox {

    static final String SELECT = "select o.id, o.kind, o.ticket_id, t.number as ticket_number, o.message_id, o.from_address, "
            + "o.to_addresses, o.cc_addresses, o.subject, o.mail_message_id, o.in_reply_to, o.references_ids, o.text_body, "
            + "o.html_body, o.automatic, o.status, o.attempts, o.next_attempt_at, o.last_error, o.sent_at, o.created_at "
            + "from outbound_mail o left join ticket t on t.id = o.ticket_id ";

    private final JdbcClient jdbc;
    private final Bounces bounces;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Bounces bounces, Clock clock) {
        this.jdbc = jdbc;
        this.bounces = bounces;
        this.clock = clock;
    }

    /** Queues a mail; recipients whose address bounces are left out, and with none left it is suppressed. */
    public long queue(OutgoingMail mail) {
        Set<String> bouncing = bounces.bouncing(concat(mail.to(), mail.cc()));
        List<String> to = mail.to().stream().filter(a -> !bouncing.contains(Bounces.normalize(a))).toList();
        List<String> cc = mail.cc().stream().filter(a -> !bouncing.contains(Bounces.normalize(a))).toList();
        OutboundStatus status = to.isEmpty() && cc.isEmpty() ? OutboundStatus.SUPPRESSED : OutboundStatus.QUEUED;
        String note = bouncing.isEmpty() ? null : "Not sent to " + String.join(", ", bouncing) + ": the address bounced.";
        // Both databases keep microseconds: a due time read back must not be later than the instant it was written.
        OffsetDateTime now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into outbound_mail (ticket_id, message_id, kind, from_address, to_addresses, cc_addresses, subject, "
                        + "mail_message_id, in_reply_to, references_ids, text_body, html_body, automatic, status, attempts, "
                        + "next_attempt_at, last_error, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
                .params(mail.ticket() == null ? null : mail.ticket().value(), mail.messageRowId(), mail.kind().name(),
                        mail.from(), join(to.isEmpty() && cc.isEmpty() ? mail.to() : to), join(cc), truncate(mail.subject(), 998),
                        mail.messageId(), mail.inReplyTo(), String.join(" ", mail.references()), mail.text(), mail.html(),
                        mail.kind().automatic(), status.name(), now, note, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** How many automatic mails of this kind went to this address since {@code since}. */
    @Transactional(readOnly = true)
    public long sentTo(String address, OutboundKind kind, Instant since) {
        return jdbc.sql("select count(*) from outbound_mail where to_addresses = ? and kind = ? and created_at > ?")
                .params(Bounces.normalize(address), kind.name(), since.atOffset(ZoneOffset.UTC))
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<OutboundMail> find(long id) {
        return jdbc.sql(SELECT + "where o.id = ?").param(id).query(Outbox::row).optional();
    }

    /**
     * A page of the outbox, newest first, optionally of one status or ticket; {@code beforeId} is the
     * cursor (the last id of the previous page).
     */
    @Transactional(readOnly = true)
    public List<OutboundMail> page(OutboundStatus status, Long ticketId, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("where 1 = 1 ");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            sql.append("and o.status = :status ");
            params.put("status", status.name());
        }
        if (ticketId != null) {
            sql.append("and o.ticket_id = :ticket ");
            params.put("ticket", ticketId);
        }
        if (beforeId != null) {
            sql.append("and o.id < :before ");
            params.put("before", beforeId);
        }
        sql.append("order by o.id desc fetch first ").append(Math.max(1, Math.min(limit, 200))).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(Outbox::row).list();
    }

    /** The mail sent for these messages (the ticket page's delivery status), by message id. */
    @Transactional(readOnly = true)
    public Map<Long, OutboundMail> forMessages(List<Long> messageIds) {
        Map<Long, OutboundMail> result = new HashMap<>();
        if (messageIds.isEmpty()) {
            return result;
        }
        jdbc.sql(SELECT + "where o.message_id in (:ids) order by o.id").param("ids", messageIds).query(Outbox::row).list()
                .forEach(mail -> result.put(mail.messageRowId(), mail));
        return result;
    }

    /** Sends a failed or suppressed mail again, now. */
    public boolean retry(long id) {
        return jdbc.sql("update outbound_mail set status = 'QUEUED', next_attempt_at = ?, claimed_until = null "
                        + "where id = ? and status in ('FAILED', 'RETRYING', 'SUPPRESSED')")
                .params(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC), id)
                .update() == 1;
    }

    // --- the sender's side ------------------------------------------------------------------------------

    /** Ids of mail due for sending: queued or retrying and due, or claimed by a sender that died. */
    @Transactional(readOnly = true)
    List<Long> due(int limit) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<Long> ids = new ArrayList<>(jdbc.sql("select id from outbound_mail where status in ('QUEUED', 'RETRYING') "
                        + "and next_attempt_at <= ? order by next_attempt_at, id fetch first " + limit + " rows only")
                .param(now).query(Long.class).list());
        ids.addAll(jdbc.sql("select id from outbound_mail where status = 'SENDING' and claimed_until < ? fetch first "
                        + limit + " rows only")
                .param(now).query(Long.class).list());
        return ids;
    }

    /** Claims a due mail for this sender; false when another sender (node) took it first. */
    boolean claim(long id, Duration lease) {
        Instant now = clock.instant();
        return jdbc.sql("update outbound_mail set status = 'SENDING', claimed_until = ?, attempts = attempts + 1 "
                        + "where id = ? and ((status in ('QUEUED', 'RETRYING') and next_attempt_at <= ?) "
                        + "or (status = 'SENDING' and claimed_until < ?))")
                .params(now.plus(lease).atOffset(ZoneOffset.UTC), id, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    void sent(long id) {
        jdbc.sql("update outbound_mail set status = 'SENT', sent_at = ?, claimed_until = null, last_error = null where id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id).update();
    }

    void failed(long id, String error, Instant retryAt) {
        jdbc.sql("update outbound_mail set status = ?, next_attempt_at = ?, claimed_until = null, last_error = ? where id = ?")
                .params(retryAt == null ? "FAILED" : "RETRYING",
                        (retryAt == null ? clock.instant() : retryAt).atOffset(ZoneOffset.UTC), truncate(error, 2000), id)
                .update();
    }

    /**
     * Postpones due mail that was not attempted (its server is unreachable) without counting an attempt: it is
     * retrying, like mail that failed, so the ticket page shows the reply is not out yet. Mail another sender
     * claimed meanwhile is left alone. Returns how many were postponed.
     */
    int postpone(List<Long> ids, Instant until, String reason) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update outbound_mail set status = 'RETRYING', next_attempt_at = :until, last_error = :reason where id in (:ids) "
                        + "and status in ('QUEUED', 'RETRYING') and next_attempt_at <= :now")
                .param("until", until.atOffset(ZoneOffset.UTC)).param("reason", truncate(reason, 2000)).param("ids", ids)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    private static OutboundMail row(ResultSet rs, int n) throws SQLException {
        return new OutboundMail(rs.getLong("id"), OutboundKind.valueOf(rs.getString("kind")),
                rs.getObject("ticket_id", Long.class), rs.getObject("ticket_number", Long.class),
                rs.getObject("message_id", Long.class), rs.getString("from_address"), split(rs.getString("to_addresses")),
                split(rs.getString("cc_addresses")), rs.getString("subject"), rs.getString("mail_message_id"),
                rs.getString("in_reply_to"), words(rs.getString("references_ids")), rs.getString("text_body"),
                rs.getString("html_body"), rs.getBoolean("automatic"), OutboundStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "sent_at"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String join(List<String> addresses) {
        return String.join(", ", addresses.stream().map(Bounces::normalize).toList());
    }

    private static List<String> split(String addresses) {
        return addresses == null || addresses.isBlank() ? List.of() : Arrays.stream(addresses.split(",\\s*")).toList();
    }

    private static List<String> words(String ids) {
        return ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.trim().split("\\s+")).toList();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
