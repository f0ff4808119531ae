package io.tessera.conversation;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import io.tessera.shared.Actor;
import io.tessera.shared.TicketId;
import io.tessera.ticket.TicketEventLog;
import io.tessera.ticket.Visibility;

/**
 * Files on tickets: stored once per content on disk ({@link ContentStore}), described by a row in
 * {@code attachment}. The usual flow is {@link #store} while the upload arrives (message still unknown),
 * then {@link #attach} in the transaction that saves the reply or note.
 *
 * <p>Not {@code @Transactional} on purpose: storing copies the whole file to disk and may send it to a
 * virus scanner, and a transaction around that would hold a database connection for as long as a slow
 * upload or scan takes. Each method is one statement, or a short transaction of the row and its timeline
 * entry once the file is on disk and scanned; called inside a caller's transaction, it joins it.
 */
@Service
public class Attachments {

    private static final String SELECT = "select a.id, a.ticket_id, a.message_id, a.file_name, a.content_type, "
            + "a.size_bytes, a.sha256, a.created_at, a.scan_status, a.scan_signature from attachment a ";
    private static final int IDS_PER_QUERY = 500;

    private final JdbcClient jdbc;
    private final ContentStore files;
    private final AttachmentSettings settings;
    private final VirusScanner scanner;
    private final TicketEventLog log;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Attachments(JdbcClient jdbc, ContentStore files, AttachmentSettings settings, VirusScanner scanner,
                TicketEventLog log, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.settings = settings;
        this.scanner = scanner;
        this.log = log;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The largest file {@link #store} accepts ({@code tessera.attachments.max-size}). */
    public DataSize maxSize() {
        return settings.maxSize();
    }

    /**
     * Stores a file on a ticket. The file name is sanitised ({@code "attachment"} when nothing is left of
     * it); the content type is kept as declared unless the bytes say otherwise (see {@link Attachment}).
     * Call it before opening the transaction that saves the message, then {@link #attach} inside it.
     *
     * <p>With a virus scanner configured the stored bytes are scanned before the row is written (so no
     * connection is held during the scan): an infected file gets a row marked {@link ScanStatus#QUARANTINED}
     * and the ticket's log an {@link AttachmentQuarantined}; a failed scan marks it {@link ScanStatus#HELD}.
     * Neither is ever served; the returned attachment says which it is.
     *
     * @param messageId the message it belongs to, or null when that is saved later
     * @throws AttachmentTooLarge       with more than {@link #maxSize()} bytes; nothing is stored
     * @throws IllegalArgumentException when the message is not one of the ticket's
     */
    public Attachment store(TicketId ticket, Long messageId, String fileName, String declaredContentType,
                            InputStream content) {
        return store(ticket, messageId, fileName, declaredContentType, null, content);
    }

    /**
     * {@link #store} for a file of an email, with the Content-ID its HTML body may show it by
     * ({@code cid:}), kept so the original reference can be traced back.
     */
    public Attachment store(TicketId ticket, Long messageId, String fileName, String declaredContentType,
                            String inlineContentId, InputStream content) {
        if (messageId != null && !messageOnTicket(messageId, ticket)) {
            throw new IllegalArgumentException("Message " + messageId + " is not on ticket " + ticket);
        }
        ContentStore.Stored stored = files.write(content, settings.maxSize());
        String name = FileNames.sanitize(fileName);
        String type = ContentTypes.decide(declaredContentType, stored.head());
        VirusScanner.Outcome scan = scanner.scan(() -> files.open(stored.sha256()),
                describe(name, stored.size(), stored.sha256(), ticket));
        // Both databases keep microseconds: the returned record equals what find() reads back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String contentId = inlineContentId == null || inlineContentId.isBlank() ? null
                : inlineContentId.substring(0, Math.min(255, inlineContentId.length()));
        String signature = limit(scan.signature());
        // The row and the timeline entry saying why the file is not served go in together.
        Long id = inTransactionIf(scan.status() == ScanStatus.QUARANTINED, () -> {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into attachment (ticket_id, message_id, file_name, content_type, size_bytes, sha256, "
                            + "inline_content_id, created_at, scan_status, scan_signature) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(ticket.value(), messageId, name, type, stored.size(), stored.sha256(), contentId,
                            now.atOffset(ZoneOffset.UTC), scan.status().name(), signature)
                    .update(keys, "id");
            long inserted = keys.getKey().longValue();
            if (scan.status() == ScanStatus.QUARANTINED) {
                log.append(ticket, new AttachmentQuarantined(inserted, name, signature), Actor.system(), now);
            }
            return inserted;
        });
        return new Attachment(id, ticket, messageId, name, type, stored.size(), stored.sha256(), now, scan.status(),
                signature);
    }

    /**
     * Scans a {@link ScanStatus#HELD held} file again, for a download: when clamd answers now, the file is
     * served (clean) or quarantined (with its timeline entry) from then on. When scanning has been switched
     * off since, a held file is treated as one stored without a scanner ({@link ScanStatus#UNSCANNED}).
     * Any other attachment is returned as it is.
     *
     * @return the attachment as it is after this scan; still held when clamd still fails
     */
    public Attachment rescanIfHeld(Attachment attachment) {
        if (!attachment.held()) {
            return attachment;
        }
        VirusScanner.Outcome scan = scanner.scan(() -> files.open(attachment.sha256()),
                describe(attachment.fileName(), attachment.size(), attachment.sha256(), attachment.ticketId()));
        if (scan.status() == ScanStatus.HELD) {
            return attachment;
        }
        String signature = limit(scan.signature());
        transaction.executeWithoutResult(status -> {
            // Only the first of two concurrent downloads moves it out of HELD, so the entry is logged once.
            int updated = jdbc.sql("update attachment set scan_status = ?, scan_signature = ? where id = ? and scan_status = ?")
                    .params(scan.status().name(), signature, attachment.id(), ScanStatus.HELD.name())
                    .update();
            if (updated == 1 && scan.status() == ScanStatus.QUARANTINED) {
                log.append(attachment.ticketId(), new AttachmentQuarantined(attachment.id(), attachment.fileName(), signature),
                        Actor.system(), clock.instant());
            }
        });
        return find(attachment.id()).orElse(attachment);
    }

    /**
     * Links an upload to the message it was sent with, once that message is saved. Doing it again for
     * the same message changes nothing.
     *
     * @throws IllegalArgumentException when there is no such attachment, it belongs to another message,
     *                                  or the message is on another ticket
     */
    public void attach(long attachmentId, long messageId) {
        int updated = jdbc.sql("update attachment set message_id = :message where id = :id "
                        + "and (message_id is null or message_id = :message) "
                        + "and ticket_id = (select m.ticket_id from message m where m.id = :message)")
                .param("message", messageId)
                .param("id", attachmentId)
                .update();
        if (updated != 1) {
            throw new IllegalArgumentException("Attachment " + attachmentId + " cannot be attached to message "
                    + messageId + ": it does not exist, belongs to another message, or is on another ticket");
        }
    }

    /** The attachments of these messages, by message and then upload order, in one query per 500 ids. */
    public List<Attachment> forMessages(Collection<Long> messageIds) {
        List<Long> ids = messageIds.stream().distinct().toList();
        List<Attachment> result = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            result.addAll(jdbc.sql(SELECT + "where a.message_id in (:ids) order by a.message_id, a.id")
                    .param("ids", chunk)
                    .query(Attachments::attachment)
                    .list());
        }
        return result;
    }

    /** An attachment by id, whoever asks: for code that has checked access already. */
    public Optional<Attachment> find(long id) {
        return jdbc.sql(SELECT + "where a.id = ?").param(id).query(Attachments::attachment).optional();
    }

    /**
     * An attachment an agent may download: one on a ticket the agent may see. Empty both when there is no
     * such attachment and when its ticket is hidden from the agent, so ids cannot be probed.
     */
    public Optional<Attachment> findVisibleTo(Visibility viewer, long id) {
        StringBuilder sql = new StringBuilder(SELECT).append("join ticket t on t.id = a.ticket_id where a.id = :id ");
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        // The one rule of who may see a ticket (Visibility); the portal will add a customer rule here.
        viewer.restrict(sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Attachments::attachment).optional();
    }

    /** The stored bytes, streamed from disk. The caller closes the stream. */
    public InputStream open(Attachment attachment) {
        return files.open(attachment.sha256());
    }

    private boolean messageOnTicket(long messageId, TicketId ticket) {
        return jdbc.sql("select count(*) from message where id = ? and ticket_id = ?")
                .params(messageId, ticket.value()).query(Long.class).single() == 1;
    }

    private static Attachment attachment(ResultSet rs, int n) throws SQLException {
        long messageId = rs.getLong("message_id");
        Long message = rs.wasNull() ? null : messageId;
        return new Attachment(rs.getLong("id"), TicketId.of(rs.getLong("ticket_id")), message,
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                ScanStatus.valueOf(rs.getString("scan_status")), rs.getString("scan_signature"));
    }

    private <T> T inTransactionIf(boolean needed, Supplier<T> work) {
        return needed ? transaction.execute(status -> work.get()) : work.get();
    }

    /** How logs name a file: never its contents. */
    private static String describe(String name, long size, String sha256, TicketId ticket) {
        return "attachment \"" + name + "\" (" + size + " bytes, sha256 " + sha256 + ") on ticket id " + ticket.value();
    }

    private static String limit(String signature) {
        return signature == null ? null : signature.substring(0, Math.min(255, signature.length()));
    }
}
