package io.tessera.ticket;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.customer.CustomersMerged;

/**
 * When two customer records are merged, the merged customer keeps following the tickets they followed,
 * as the customer kept. Runs in the merge's transaction, before the merged record (and with it, by
 * cascade, its follower rows) is deleted.
 */
@Component
class FollowerMerges {

    private final JdbcClient jdbc;

    FollowerMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CustomersMerged event) {
        // Rows the kept customer has already are left to the cascade; the others move over.
        jdbc.sql("update ticket_follower set customer_id = :into where customer_id = :from and ticket_id not in "
                        + "(select f.ticket_id from ticket_follower f where f.customer_id = :into)")
                .param("into", event.into().value()).param("from", event.from().value()).update();
    }
}
