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
 * on Message-ID decide, and the second hand-over learns it is a {@link StoredMail#duplicate() duplicate}.
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
        Optional<Long> existing = existing(arrival, messageId);
        if (existing.isPresent()) {
            return new StoredMail(existing.get(), true);
        }
        try {
            long id = ownTransaction.execute(status -> insert(arrival, raw, messageId));
            flush.afterCommit(); // on H2, committed is not yet written: it must be before the caller acknowledges
            log.info("Stored inbound mail {} from {} ({} bytes)", id, arrival.source(), raw.length);
            return new StoredMail(id, false);
        } catch (DuplicateKeyException raced) {
            // Another hand-over of the same message committed between the check and the insert.
            return new StoredMail(existing(arrival, messageId).orElseThrow(() -> raced), true);
        }
    }

    private long insert(Arrival arrival, byte[] raw, String messageId) {
        var keys = new GeneratedKeyHolder();
        boolean oversized = raw.length > settings.maxSize().toBytes();
        jdbc.sql("insert into inbound_mail (source, mailbox_id, remote_uid, mail_message_id, recipient, team_id, raw, "
                        + "size_bytes, oversized, status, attempts, received_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', 0, ?)")
                .params(arrival.source().name(), arrival.mailboxId(), arrival.remoteUid(), messageId,
                        truncate(arrival.recipient(), 320), arrival.team() == null ? null : arrival.team().value(), raw,
                        raw.length, oversized, clock.instant().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private Optional<Long> existing(Arrival arrival, String messageId) {
        if (arrival.mailboxId() != null && arrival.remoteUid() != null) {
            Optional<Long> seen = jdbc.sql("select id from inbound_mail where mailbox_id = ? and remote_uid = ?")
                    .params(arrival.mailboxId(), arrival.remoteUid()).query(Long.class).optional();
            if (seen.isPresent()) {
                return seen;
            }
        }
        if (messageId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id from inbound_mail where mail_message_id = ?").param(messageId).query(Long.class).optional();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
