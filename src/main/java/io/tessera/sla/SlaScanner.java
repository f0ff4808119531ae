package io.tessera.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.shared.Actor;
import io.tessera.ticket.TicketEventLog;

/**
 * Fires SLA warnings and breaches. Every few seconds (default 15 s, {@code tessera.sla.scan-interval}) it
 * claims the clocks whose warning or deadline has come, in batches, each in its own transaction: the rows
 * are locked with {@code FOR UPDATE SKIP LOCKED}, so nodes running the scanner at once split the work, and
 * a clock's {@code next_check_at} moves on in the same transaction that records the event, so each warning
 * and each breach is recorded exactly once. The events go to the ticket event log; triggers listening for
 * them run before the batch commits.
 */
@Component
public class SlaScanner {

    static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SlaScanner.class);

    private final ClockRepository clocks;
    private final TicketEventLog log;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SlaScanner(ClockRepository clocks, TicketEventLog log, PlatformTransactionManager transactions, Clock clock) {
        this.clocks = clocks;
        this.log = log;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${tessera.sla.scan-interval:15s}", fixedDelayString = "${tessera.sla.scan-interval:15s}")
    void scheduled() {
        try {
            scan();
        } catch (RuntimeException e) {
            LOG.warn("SLA scan failed; retrying at the next run: {}", e.toString());
        }
    }

    /** Works through every due clock, batch after batch; returns how many warnings and breaches it recorded. */
    public int scan() {
        int fired = 0;
        int[] batch;
        do {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what the database keeps
            batch = transaction.execute(status -> fireDue(now));
            fired += batch[1];
            // A full batch that fired nothing would be claimed again unchanged; stop rather than spin.
        } while (batch[0] == BATCH && batch[1] > 0);
        return fired;
    }

    private int[] fireDue(Instant now) {
        List<SlaClock> due = clocks.claimDue(now, BATCH);
        int fired = 0;
        for (SlaClock c : due) {
            SlaClock next = c;
            if (next.warnedAt() == null && next.warnAt() != null && !next.warnAt().isAfter(now)
                    && next.dueAt().isAfter(now)) {
                next = next.warned(now);
                log.append(c.ticket(), new SlaEvents.SlaWarning(c.metric(), c.dueAt()), Actor.system(), now);
                fired++;
            }
            if (!next.breached() && !next.dueAt().isAfter(now)) {
                next = next.breachedAtDeadline();
                log.append(c.ticket(), new SlaEvents.SlaBreached(c.metric(), c.dueAt()), Actor.system(), now);
                fired++;
            }
            clocks.save(next);
        }
        return new int[] {due.size(), fired};
    }
}
