package io.tessera.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.tessera.shared.TicketId;

/**
 * Gathers the events each transaction appends, per ticket, and hands them to the {@link TicketRules} just
 * before commit. Rules' own changes are gathered again and handed over in a next round, up to
 * {@link #MAX_ROUNDS}: two rules that keep undoing each other stop there (with a warning in the log)
 * instead of looping forever, and the transaction still commits what was done.
 */
@Component
class TicketActivityCollector {

    static final int MAX_ROUNDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(TicketActivityCollector.class);

    private final ObjectProvider<TicketRules> rules;

    TicketActivityCollector(ObjectProvider<TicketRules> rules) {
        this.rules = rules;
    }

    @EventListener
    void on(TicketEventRecorded event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.add(event);
    }

    private final class Pending implements TransactionSynchronization {

        private Map<TicketId, List<TicketEventRecorded>> events = new LinkedHashMap<>();
        private boolean running;

        void add(TicketEventRecorded event) {
            events.computeIfAbsent(event.ticket(), id -> new ArrayList<>()).add(event);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (running) {
                return;
            }
            running = true;
            try {
                for (int round = 0; !events.isEmpty(); round++) {
                    Map<TicketId, List<TicketEventRecorded>> batch = events;
                    events = new LinkedHashMap<>();
                    if (round == MAX_ROUNDS) {
                        LOG.warn("Rules still changing tickets {} after {} rounds; stopped there (docs/rules.md, loop guard)",
                                batch.keySet(), MAX_ROUNDS);
                        return;
                    }
                    for (var entry : batch.entrySet()) {
                        TicketActivity activity = new TicketActivity(entry.getKey(), entry.getValue(), round);
                        rules.orderedStream().forEach(r -> r.apply(activity));
                    }
                }
            } finally {
                running = false;
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TicketActivityCollector.this);
        }

        @Override
        public int getOrder() {
            // Before other synchronizations (live-update relays) so they see the rules' changes too.
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
