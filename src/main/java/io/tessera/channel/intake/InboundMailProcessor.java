package io.tessera.channel.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.channel.MailProperties;
import io.tessera.channel.email.MailParser;
import io.tessera.channel.email.ParsedMail;
import io.tessera.customer.AlreadyTaken;
import io.tessera.shared.TeamId;
import io.tessera.ticket.ConcurrentTicketChange;

/**
 * Turns stored mail into ticket activity, one message per transaction. A message is claimed with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} while still RECEIVED, handled ({@link MailToTicket}) and marked
 * PROCESSED or IGNORED in the same transaction, so its ticket and its new status are committed together:
 * after a crash it is either done or still RECEIVED, and the {@link #sweep() sweep} picks it up again.
 * A failure rolls the handling back and records the error on the stored message (FAILED) for the admin
 * screen, where it can be reprocessed.
 */
@Component
public class InboundMailProcessor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InboundMailProcessor.class);
    /** Mail younger than this is left to the worker it was handed to; older RECEIVED mail was missed or orphaned. */
    private static final Duration SWEEP_AGE = Duration.ofSeconds(20);
    /** How often a message is handled when it keeps losing races with concurrent transactions. */
    private static final int RACE_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MailParser parser;
    private final MailToTicket handler;
    private final Clock clock;
    private final ExecutorService workers;
    private final CommitFlush flush;

    InboundMailProcessor(JdbcClient jdbc, PlatformTransactionManager transactions, MailParser parser, MailToTicket handler,
                         MailProperties settings, CommitFlush flush, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.parser = parser;
        this.handler = handler;
        this.clock = clock;
        this.flush = flush;
        this.workers = Executors.newFixedThreadPool(settings.processWorkers(), named("mail-intake-"));
    }

    /** Processes a just-stored message on a worker thread. */
    void processSoon(long id) {
        workers.execute(() -> {
            try {
                process(id);
            } catch (RuntimeException e) {
                log.error("Processing inbound mail {} failed outside its transaction; the sweep retries it", id, e);
            }
        });
    }

    /**
     * Processes a stored message now. Returns the outcome, or empty when the message is not waiting (done
     * already, or another worker holds it).
     */
    public Optional<ProcessedMail> process(long id) {
        Optional<ProcessedMail> done;
        try {
            done = Optional.ofNullable(handleRetryingRaces(id));
        } catch (RuntimeException e) {
            String error = describe(e);
            if (e instanceof UnreadableMail) {
                log.warn("Inbound mail {} could not be processed: {}", id, error);
            } else {
                log.warn("Inbound mail {} could not be processed: {}", id, error, e);
            }
            transaction.executeWithoutResult(status -> jdbc.sql("update inbound_mail set status = 'FAILED', error = ?, "
                            + "attempts = attempts + 1, processed_at = ? where id = ? and status = 'RECEIVED'")
                    .params(truncate(error, 4000), clock.instant().atOffset(ZoneOffset.UTC), id).update());
            return Optional.of(new ProcessedMail(id, "FAILED", null, error));
        }
        if (done.isPresent()) {
            flush.afterCommit(); // on H2: the ticket and its acknowledgement are visible now, so make them stay
        }
        return done;
    }

    /**
     * Two workers handling mail from the same new sender at once both create that customer, and the second
     * insert loses on the unique address (its transaction rolls back: nothing half done) — or, when the other
     * commits between the look-up and the insert's own check, is told the address is {@link AlreadyTaken}. That is a lost race,
     * not a broken message — the crash test saw such mail end up FAILED, waiting for an admin — so the message
     * is handled again, and this time finds the customer. Two replies to one ticket handled at once race the same
     * way on the ticket's version (the second sees {@link ConcurrentTicketChange}) and are handled again too. A
     * conflict that persists fails like any error.
     */
    private ProcessedMail handleRetryingRaces(long id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> claimAndHandle(id));
            } catch (DuplicateKeyException | ConcurrencyFailureException | ConcurrentTicketChange | AlreadyTaken race) {
                if (attempt >= RACE_ATTEMPTS) {
                    throw race;
                }
                log.info("Inbound mail {} lost a race with a concurrent transaction, handling it again: {}", id,
                        race instanceof NestedRuntimeException nested ? nested.getMostSpecificCause().getMessage()
                                : race.getMessage());
            }
        }
    }

    /** Queues a failed (or ignored) message again, e.g. after an admin fixed what made it fail. */
    public Optional<ProcessedMail> reprocess(long id) {
        int reset = transaction.execute(status -> jdbc.sql("update inbound_mail set status = 'RECEIVED', error = null "
                + "where id = ? and status in ('FAILED', 'IGNORED')").param(id).update());
        return reset == 1 ? process(id) : Optional.empty();
    }

    /**
     * Picks up mail nobody is processing: left RECEIVED by a crash or a restart, or by a worker queue that
     * was full. Runs on start and then every few seconds.
     */
    @Scheduled(initialDelayString = "${tessera.mail.sweep-interval:15s}", fixedDelayString = "${tessera.mail.sweep-interval:15s}")
    public void sweep() {
        List<Long> waiting = jdbc.sql("select id from inbound_mail where status = 'RECEIVED' and received_at < ? "
                        + "order by id fetch first 100 rows only")
                .param(clock.instant().minus(SWEEP_AGE).atOffset(ZoneOffset.UTC)).query(Long.class).list();
        waiting.forEach(this::process);
    }

    private ProcessedMail claimAndHandle(long id) {
        Optional<InboundRow> claimed = jdbc.sql("select id, source, mailbox_id, recipient, team_id, raw, oversized "
                        + "from inbound_mail where id = ? and status = 'RECEIVED' for update skip locked")
                .param(id)
                .query((rs, n) -> new InboundRow(rs.getLong("id"), MailSource.valueOf(rs.getString("source")),
                        rs.getObject("mailbox_id", Long.class), rs.getString("recipient"),
                        Optional.ofNullable(rs.getObject("team_id", Long.class)).map(TeamId::new).orElse(null),
                        rs.getBytes("raw"), rs.getBoolean("oversized")))
                .optional();
        if (claimed.isEmpty()) {
            return null;
        }
        InboundRow row = claimed.get();
        ParsedMail mail = parser.parse(row.raw());
        Outcome outcome = handler.handle(row, mail);
        jdbc.sql("update inbound_mail set status = ?, ticket_id = ?, classification = ?, error = ?, processed_at = ?, "
                        + "attempts = attempts + 1 where id = ?")
                .params(outcome.status(), outcome.ticket() == null ? null : outcome.ticket().value(), outcome.classification(),
                        truncate(outcome.note(), 4000), clock.instant().atOffset(ZoneOffset.UTC), id)
                .update();
        return new ProcessedMail(id, outcome.status(), outcome.ticket() == null ? null : outcome.ticket().value(), outcome.note());
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return (e instanceof UnreadableMail ? "" : e.getClass().getSimpleName() + ": ") + message;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }
}
