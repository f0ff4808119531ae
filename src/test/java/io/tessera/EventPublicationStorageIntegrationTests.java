package io.tessera;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.testing.IntegrationTest;

/**
 * The event publication registry stores any event, however large: a 100 KB event is stored with its
 * publication, read back from the table when delivery is retried, and arrives whole.
 */
@IntegrationTest
@Import(EventPublicationStorageIntegrationTests.Listening.class)
class EventPublicationStorageIntegrationTests {

    /** An event as large as a ticket change with a long text can make. */
    record LargeEvent(String text) {
    }

    /**
     * Fails the first delivery, so the second must come from what the registry stored. (Read through methods:
     * the listener is a proxy, whose fields are not the receiver's.)
     */
    static class Receiver {

        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final AtomicBoolean failedOnce = new AtomicBoolean();

        @ApplicationModuleListener
        public void on(LargeEvent event) {
            if (failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("First delivery fails on purpose");
            }
            received.add(event.text());
        }

        public String next() throws InterruptedException {
            return received.poll(20, TimeUnit.SECONDS);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listening {

        @Bean
        Receiver largeEventReceiver() {
            return new Receiver();
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    Receiver receiver;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHundredKilobyteEventIsStoredAndDeliveredWhole() throws Exception {
        String text = "ä€x".repeat(34_000);

        transactions.executeWithoutResult(status -> events.publishEvent(new LargeEvent(text)));
        awaitFailedDelivery();
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof LargeEvent);

        String delivered = receiver.next();
        assertThat(delivered).as("delivered after a retry from the stored publication").isNotNull();
        assertThat(delivered.length()).isEqualTo(text.length());
        assertThat(delivered).isEqualTo(text);
    }

    /** Waits (on the table, not a clock) until the registry recorded the failed first delivery. */
    private void awaitFailedDelivery() throws InterruptedException {
        for (int i = 0; i < 400 && storedFailures() == 0; i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(storedFailures()).as("the failed delivery is recorded with its event").isEqualTo(1);
        String stored = jdbc.sql("select serialized_event from event_publication where event_type like ?")
                .param("%LargeEvent").query(String.class).single();
        assertThat(stored.length()).isGreaterThan(100_000);
    }

    private long storedFailures() {
        return jdbc.sql("select count(*) from event_publication where event_type like ? and status = 'FAILED'")
                .param("%LargeEvent").query(Long.class).single();
    }
}
