package io.tessera.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.customer.CustomersMerged;
import io.tessera.shared.TicketId;

/**
 * When two customer records are merged, the merged customer's tickets follow to the customer kept, each
 * with a {@link RequesterChanged} entry in its event log. Runs synchronously in the merge's transaction
 * ({@link Propagation#MANDATORY}): the customer module deletes the merged record right after, so a ticket
 * left behind would fail the whole merge rather than point at nobody.
 */
@Component
class RequesterMerges {

    private final JdbcClient jdbc;
    private final TicketEventLog log;
    private final Clock clock;

    RequesterMerges(JdbcClient jdbc, TicketEventLog log, Clock clock) {
        this.jdbc = jdbc;
        this.log = log;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CustomersMerged event) {
        long from = event.from().value();
        long into = event.into().value();
        // No ticket can be added for the old requester between this read and the update: the merge holds
        // the customer row lock, which a new ticket's foreign key check waits for.
        List<Long> moved = jdbc.sql("select id from ticket where requester_id = ? order by id")
                .param(from).query(Long.class).list();
        if (moved.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("update ticket set requester_id = ?, updated_at = ?, version = version + 1 where requester_id = ?")
                .params(into, now.atOffset(ZoneOffset.UTC), from).update();
        for (long ticket : moved) {
            log.append(TicketId.of(ticket), new RequesterChanged(from, into), event.by().actor(), now);
        }
    }
}
