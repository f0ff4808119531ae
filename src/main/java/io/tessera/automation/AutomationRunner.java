package io.tessera.automation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.shared.TicketId;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketManagement;
import io.tessera.view.Perspective;
import io.tessera.view.RulePerspectives;

/**
 * Runs the enabled automations, in order, every few minutes ({@code tessera.automation.interval}, default
 * 5 min). Each run works through every matching ticket in batches of {@value #BATCH}, one transaction per
 * batch, until none is left — no cap per run. The conditions are compiled to SQL (the views' model) and
 * checked again in memory on the ticket as it is when the batch takes it. A run is leased on the rule row,
 * so two nodes never run the same automation at once; a ticket the automation acted on is skipped until
 * it changes again (V20__automations.sql), so running twice does nothing twice.
 */
@Component
class AutomationRunner {

    static final int BATCH = 200;
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(AutomationRunner.class);

    private final AutomationRepository automations;
    private final TicketManagement tickets;
    private final RulePerspectives perspectives;
    private final RuleEffects effects;
    private final TriggerRepository failures;
    private final TransactionTemplate batch;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    AutomationRunner(AutomationRepository automations, TicketManagement tickets, RulePerspectives perspectives, RuleEffects effects,
                     TriggerRepository failures, PlatformTransactionManager transactions, Clock clock) {
        this.automations = automations;
        this.tickets = tickets;
        this.perspectives = perspectives;
        this.effects = effects;
        this.failures = failures;
        this.clock = clock;
        this.batch = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Scheduled(initialDelayString = "${tessera.automation.interval:5m}", fixedDelayString = "${tessera.automation.interval:5m}")
    void scheduled() {
        try {
            runAll();
        } catch (RuntimeException e) {
            LOG.warn("Automations failed; retrying at the next run: {}", e.toString());
        }
    }

    int runAll() {
        int acted = 0;
        for (Automation automation : automations.all()) {
            if (automation.enabled() && automations.lease(automation.id(), clock.instant(), LEASE)) {
                int count = 0;
                try {
                    count = run(automation);
                } finally {
                    automations.finished(automation.id(), clock.instant(), count);
                }
                acted += count;
            }
        }
        return acted;
    }

    private int run(Automation automation) {
        int acted = 0;
        long after = 0;
        while (true) {
            Instant now = clock.instant();
            Perspective perspective = perspectives.of(null, now);
            long from = after;
            List<TicketId> due = automations.due(automation.id(), automation.conditions().toFilter(perspective), from, BATCH);
            if (due.isEmpty()) {
                return acted;
            }
            acted += batch.execute(status -> {
                int n = 0;
                for (TicketId ticket : due) {
                    if (actOn(automation, ticket, perspective, now)) {
                        n++;
                    }
                }
                return n;
            });
            after = due.get(due.size() - 1).value();
        }
    }

    /** One ticket, in a savepoint: a ticket the actions cannot apply to is skipped and the others go on. */
    private boolean actOn(Automation automation, TicketId id, Perspective perspective, Instant now) {
        Ticket ticket = tickets.get(id);
        if (!automation.conditions().matches(ticket, perspective)) {
            return false; // changed since the query read it
        }
        try {
            savepoint.executeWithoutResult(status -> {
                effects.perform(automation.actions(), ticket, automation.id());
                automations.ran(automation.id(), id, tickets.get(id).updatedAt(), now);
            });
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Automation {} could not act on ticket {}: {}", automation.id(), ticket.display(), e.getMessage());
            failures.failed(automation.id(), ticket.display() + ": " + e.getMessage(), now);
            // Remember it anyway, so a ticket the automation cannot act on is not retried every few minutes.
            automations.ran(automation.id(), id, ticket.updatedAt(), now);
            return false;
        }
    }
}
