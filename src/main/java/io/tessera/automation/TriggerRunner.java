package io.tessera.automation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.shared.Actor;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketActivity;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketRules;

/**
 * Runs the enabled triggers, in order, on each round of a ticket's activity inside its transaction. Each
 * trigger sees the ticket as the triggers before it left it. Loop guard: a trigger is not woken by a round
 * made only of its own changes, and the ticket module stops after a few rounds (docs/rules.md). A trigger
 * that cannot act (its change is refused) is rolled back to a savepoint and its error kept on the trigger;
 * the agent's or customer's own change still commits.
 */
@Component
@Order(100)
class TriggerRunner implements TicketRules {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerRunner.class);

    private final TriggerCache cache;
    private final TriggerRepository triggers;
    private final TicketManagement tickets;
    private final RuleEffects effects;
    private final RuleEvaluation evaluation;
    private final TransactionTemplate savepoint;
    private final java.time.Clock clock;

    TriggerRunner(TriggerCache cache, TriggerRepository triggers, TicketManagement tickets, RuleEffects effects,
                  RuleEvaluation evaluation, PlatformTransactionManager transactions, java.time.Clock clock) {
        this.cache = cache;
        this.triggers = triggers;
        this.tickets = tickets;
        this.effects = effects;
        this.evaluation = evaluation;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void apply(TicketActivity activity) {
        Actor cause = activity.actor();
        Ticket ticket = null;
        for (Trigger trigger : cache.enabled()) {
            Actor self = Actor.automation(trigger.id());
            if (activity.onlyBy(self)
                    || trigger.events().stream().noneMatch(e -> e.happened(activity))) {
                continue;
            }
            // Read once, and again only after a trigger acted: each trigger sees what the ones before it left.
            if (ticket == null) {
                ticket = tickets.get(activity.ticket());
            }
            if (!evaluation.matches(trigger.conditions(), ticket, cause)) {
                continue;
            }
            Ticket current = ticket;
            ticket = null;
            try {
                savepoint.executeWithoutResult(status -> act(trigger, current, self));
            } catch (RuntimeException e) {
                LOG.warn("Trigger {} could not act on ticket {}: {}", trigger.id(), current.display(), e.getMessage());
                triggers.failed(trigger.id(), current.display() + ": " + e.getMessage(), clock.instant());
            }
        }
    }

    private void act(Trigger trigger, Ticket ticket, Actor self) {
        effects.perform(trigger.actions(), ticket, trigger.id());
    }
}
