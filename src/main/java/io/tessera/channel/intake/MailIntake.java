package io.tessera.channel.intake;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.channel.MailProperties;

/**
 * The front door of every inbound path (SMTP receiver, MTA pipe, polled mailboxes): the raw message is
 * stored and committed before anything else, in a transaction of its own, and only then acknowledged to
 * whoever handed it over. Turning it into a ticket happens afterwards, from this stored copy
 * ({@link InboundMailProcessor}), so a crash or a bug there never loses a message: it stays stored and is
 * retried or shown to admins.
 *
 * <p>The same message handed over twice (a mailbox polled again before it was flagged, a relay retrying
 * after a lost "250", two support addresses in To) is stored once: the unique indexes on mailbox + UID and
 * on Message-ID with {@link ContentHash content hash} decide, the second hand-over learns it is a
 * {@link StoredMail#duplicate() duplicate}, and the first row counts it. A different mail that only reuses a
 * Message-ID (a careless client, or someone imitating a customer's mail) is not a duplicate: dropping it would
 * lose it without a trace. It is stored and processed like any mail, and points at the first mail with that id
 * so the admin screen can flag it.
 */
@Service
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final MailProperties settings;
    private final InboundMailProcessor processor;
    private final CommitFlush flush;
    private final Clock clock;

    MailIntake(JdbcClient jdbc, PlatformTransactionManager transactions, MailProperties settings,
               InboundMailProcessor processor, CommitFlush flush, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        this.processor = processor;
        this.flush = flush;
        this.clock = clock;
    }

    /**
     * Stores a message and commits, then queues it for processing. Returns once the message is safe: the
     * caller may acknowledge it. Throws only when the database cannot store it (the caller must then not
     * acknowledge, so the sender or server keeps the message and tries again).
     */
    public StoredMail receive(Arrival arrival, byte[] raw) {
        StoredMail stored = store(arrival, raw);
        if (!stored.duplicate()) {
            processor.processSoon(stored.id());
        }
        return stored;
    }

    /** {@link #receive} without queueing: the caller processes the message itself (the MTA pipe answers with the ticket). */
    public StoredMail store(Arrival arrival, byte[] raw) {
        String messageId = RawHeaders.messageId(raw);
        String hash = ContentHash.of(raw);
        Optional<StoredMail> seen = seenBefore(arrival, messageId, hash);
        if (seen.isPresent()) {
            return seen.get();
        }
        Long reuses = messageId == null ? null : firstWithMessageId(messageId).orElse(null);
        try {
            long id = ownTransaction.execute(status -> insert(arrival, raw, messageId, hash, reuses));
            flush.afterCommit(); // on H2, committed is not yet written: it must be before the caller acknowledges
            if (reuses == null) {
                log.info("Stored inbound mail {} from {} ({} bytes)", id, arrival.source(), raw.length);
            } else {
                log.warn("Stored inbound mail {} from {} ({} bytes); its Message-ID {} was used by mail {} with other content",
                        id, arrival.source(), raw.length, messageId, reuses);
            }
            return new StoredMail(id, false);
        } catch (DuplicateKeyException raced) {
            // Another hand-over of the same message committed between the check and the insert.
            return seenBefore(arrival, messageId, hash).orElseThrow(() -> raced);
        }
    }

    /**
     * The row this very message was stored in before, if any: the same mailbox message (mailbox + UID, the
     * poller seeing it again), or the same Message-ID with the same {@link ContentHash content} — a real
     * second delivery, counted on the first row so admins see it arrived again. Mail that only shares the
     * Message-ID is not this message.
     */
    private Optional<StoredMail> seenBefore(Arrival arrival, String messageId, String hash) {
        if (arrival.mailboxId() != null && arrival.remoteUid() != null) {
            Optional<Long> seen = jdbc.sql("select id from inbound_mail where mailbox_id = ? and remote_uid = ? union "
                            + "select inbound_mail_id from inbound_mail_seen_uid where mailbox_id = ? and remote_uid = ?")
                    .params(arrival.mailboxId(), arrival.remoteUid(), arrival.mailboxId(), arrival.remoteUid())
                    .query(Long.class).list().stream().findFirst();
            if (seen.isPresent()) {
                return Optional.of(new StoredMail(seen.get(), true));
            }
        }
        if (messageId == null) {
            return Optional.empty();
        }
        Optional<Long> same = jdbc.sql("select id, content_hash from inbound_mail where mail_message_id = ? order by id")
                .param(messageId)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("content_hash"))).list().stream()
                .filter(stored -> hash.equals(stored.hash() != null ? stored.hash() : hashLater(stored.id())))
                .map(Stored::id).findFirst();
        same.ifPresent(id -> countDuplicate(id, arrival));
        return same.map(id -> new StoredMail(id, true));
    }

    /** The first stored mail with this Message-ID, which a different mail under the same id is flagged against. */
    private Optional<Long> firstWithMessageId(String messageId) {
        return jdbc.sql("select min(id) from inbound_mail where mail_message_id = ?").param(messageId)
                .query(Long.class).optional();
    }

    /** Mail stored before content hashes were kept (V33) gets its hash the first time a mail with its id arrives. */
    private String hashLater(long id) {
        String hash = jdbc.sql("select raw from inbound_mail where id = ?").param(id)
                .query((rs, n) -> ContentHash.of(rs.getBytes(1))).single();
        ownTransaction.executeWithoutResult(status -> jdbc.sql(
                "update inbound_mail set content_hash = ? where id = ? and content_hash is null").params(hash, id).update());
        return hash;
    }

    /**
     * Counts a true duplicate on the first row. A mailbox's copy also has its server id remembered, so the
     * poller neither downloads it again nor counts it again at each poll of a mailbox that keeps its mail.
     */
    private void countDuplicate(long id, Arrival arrival) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                if (arrival.mailboxId() != null && arrival.remoteUid() != null) {
                    jdbc.sql("insert into inbound_mail_seen_uid (mailbox_id, remote_uid, inbound_mail_id) values (?, ?, ?)")
                            .params(arrival.mailboxId(), arrival.remoteUid(), id).update();
                }
                jdbc.sql("update inbound_mail set duplicates = duplicates + 1, last_duplicate_at = ? where id = ?")
                        .params(clock.instant().atOffset(ZoneOffset.UTC), id).update();
            });
            log.info("Inbound mail {} arrived again (same Message-ID and content): counted, not stored twice", id);
        } catch (DuplicateKeyException countedAlready) {
            // The same mailbox copy handed over twice at once: counted by the other hand-over.
        }
    }

    private long insert(Arrival arrival, byte[] raw, String messageId, String hash, Long reuses) {
        var keys = new GeneratedKeyHolder();
        boolean oversized = raw.length > settings.maxSize().toBytes();
        jdbc.sql("insert into inbound_mail (source, mailbox_id, remote_uid, mail_message_id, content_hash, reuses_message_id_of, "
                        + "recipient, team_id, raw, size_bytes, oversized, status, attempts, received_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', 0, ?)")
                .params(arrival.source().name(), arrival.mailboxId(), arrival.remoteUid(), messageId, hash, reuses,
                        truncate(arrival.recipient(), 320), arrival.team() == null ? null : arrival.team().value(), raw,
                        raw.length, oversized, clock.instant().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private record Stored(long id, String hash) {
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
