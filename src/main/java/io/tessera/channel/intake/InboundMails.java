package io.tessera.channel.intake;

import java.io.ByteArrayInputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the stored mail: the admin screen's lists (failed first), one message's original bytes for
 * download, and counts per status. From and Subject are read from the stored headers for display only.
 */
@Service
@Transactional(readOnly = true)
public class InboundMails {

    private static final String SELECT = "select i.id, i.source, i.mailbox_id, i.mail_message_id, i.recipient, i.size_bytes, "
            + "i.oversized, i.status, i.attempts, i.error, i.classification, i.ticket_id, t.number as ticket_number, i.received_at, "
            // Headers are read from the first bytes only: a list never loads whole messages.
            + "i.processed_at, i.duplicates, i.last_duplicate_at, i.reuses_message_id_of, "
            + "substring(i.raw from 1 for 16384) as head from inbound_mail i left join ticket t on t.id = i.ticket_id ";
    private final JdbcClient jdbc;

    InboundMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, optionally of one status; {@code beforeId} is the cursor. */
    public List<InboundMail> page(String status, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("where 1 = 1 ");
        Map<String, Object> params = new HashMap<>();
        if (status != null && !status.isBlank()) {
            sql.append("and i.status = :status ");
            params.put("status", status);
        }
        if (beforeId != null) {
            sql.append("and i.id < :before ");
            params.put("before", beforeId);
        }
        sql.append("order by i.id desc fetch first ").append(Math.max(1, Math.min(limit, 200))).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(InboundMails::row).list();
    }

    public Optional<InboundMail> find(long id) {
        return jdbc.sql(SELECT + "where i.id = ?").param(id).query(InboundMails::row).optional();
    }

    /** The message exactly as it arrived. */
    public Optional<byte[]> raw(long id) {
        return jdbc.sql("select raw from inbound_mail where id = ?").param(id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** How many stored messages wait, failed, etc. — one grouped count over the status index. */
    public Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select status, count(*) from inbound_mail group by status")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /**
     * How many messages failed, counted up to {@code cap} (the screen shows "1000+"): the count reads the
     * status index and stops there, so a flood of failures cannot make the page slow.
     */
    public long failedCount(int cap) {
        return jdbc.sql("select count(*) from (select 1 from inbound_mail where status = 'FAILED' fetch first "
                + Math.max(1, cap) + " rows only) failed").query(Long.class).single();
    }

    /** The header lines of a stored message, decoded for display, in the order they were written. */
    public List<Header> headers(long id) {
        return jdbc.sql("select substring(raw from 1 for 65536) from inbound_mail where id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional().map(InboundMails::headerLines).orElse(List.of());
    }

    /** One header line: its name and decoded value. */
    public record Header(String name, String value) {
    }

    private static List<Header> headerLines(byte[] head) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(head), true);
            List<Header> lines = new java.util.ArrayList<>();
            java.util.Collections.list(headers.getAllHeaders())
                    .forEach(h -> lines.add(new Header(h.getName(), decoded(h.getValue()))));
            return lines;
        } catch (MessagingException | RuntimeException unreadable) {
            return List.of();
        }
    }

    private static InboundMail row(ResultSet rs, int n) throws SQLException {
        byte[] head = rs.getBytes("head");
        String from = "";
        String subject = "";
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(head), true);
            from = decoded(headers.getHeader("From", ", "));
            subject = decoded(headers.getHeader("Subject", " "));
        } catch (MessagingException | RuntimeException unreadable) {
            // shown without From and Subject; the original stays downloadable
        }
        return new InboundMail(rs.getLong("id"), MailSource.valueOf(rs.getString("source")),
                rs.getObject("mailbox_id", Long.class), rs.getString("mail_message_id"), rs.getString("recipient"), from,
                subject, rs.getLong("size_bytes"), rs.getBoolean("oversized"), rs.getString("status"), rs.getInt("attempts"),
                rs.getString("error"), rs.getString("classification"), rs.getObject("ticket_id", Long.class),
                rs.getObject("ticket_number", Long.class), instant(rs, "received_at"), instant(rs, "processed_at"),
                rs.getInt("duplicates"), instant(rs, "last_duplicate_at"), rs.getObject("reuses_message_id_of", Long.class));
    }

    private static String decoded(String value) {
        if (value == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
