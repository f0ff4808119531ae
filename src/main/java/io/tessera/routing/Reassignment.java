package io.tessera.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.routing.RoutingRepository.AssignedTicket;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketManagement;

/**
 * Takes every unsolved ticket off one agent, batch by batch (see {@link Assignments#reassignAll}). Each
 * change goes through {@link TicketManagement}, so it is in the ticket's event log with its actor and
 * triggers see it like any other assignment.
 */
@Component
class Reassignment {

    static final int BATCH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Reassignment.class);

    private final RoutingRepository repository;
    private final TeamRouter router;
    private final TicketManagement tickets;
    private final TransactionTemplate batch;
    private final TransactionTemplate savepoint;

    Reassignment(RoutingRepository repository, TeamRouter router, TicketManagement tickets,
                 PlatformTransactionManager transactions) {
        this.repository = repository;
        this.router = router;
        this.tickets = tickets;
        this.batch = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    private record BatchResult(int read, long lastId, int moved) {
    }

    int reassignAll(AgentId from, Actor by) {
        int moved = 0;
        long after = 0;
        while (true) {
            long cursor = after;
            BatchResult result = batch.execute(status -> reassignBatch(from, cursor, by));
            moved += result.moved();
            if (result.read() < BATCH) {
                return moved;
            }
            // Past the batch by id, so a ticket that could not be moved is not read again and again.
            after = result.lastId();
        }
    }

    private BatchResult reassignBatch(AgentId from, long after, Actor by) {
        List<AssignedTicket> page = repository.unsolvedAssigned(from, after, BATCH);
        if (page.isEmpty()) {
            return new BatchResult(0, after, 0);
        }
        long lastId = page.get(page.size() - 1).id().value();
        // Team locks in one order (team id, then ticket id), so two reassignments running at once cannot
        // each hold a team the other waits for.
        List<AssignedTicket> ordered = page.stream()
                .sorted(Comparator.comparing((AssignedTicket t) -> t.team() == null ? 0L : t.team().value())
                        .thenComparing(t -> t.id().value()))
                .toList();
        int moved = 0;
        for (AssignedTicket ticket : ordered) {
            try {
                savepoint.executeWithoutResult(status -> {
                    AgentId to = ticket.team() == null ? null
                            : router.route(ticket.team(), Set.of(), null, from).orElse(null);
                    tickets.update(ticket.id(), null, List.of(new TicketChange.Assign(to)), by);
                });
                moved++;
            } catch (RuntimeException e) {
                LOG.warn("Could not reassign ticket {} from agent {}: {}", ticket.id(), from, e.getMessage());
            }
        }
        return new BatchResult(page.size(), lastId, moved);
    }
}
