package io.tessera.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.IllegalTransactionStateException;

import io.tessera.customer.Customers;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.TestDatabase;
import io.tessera.ticket.Channel;
import io.tessera.ticket.LoggedEvent;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketEventLog;
import io.tessera.ticket.TicketEvents.StatusChanged;
import io.tessera.ticket.TicketImport;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketStatus;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one migration history applies on this run's database, and the event log works on it. */
@IntegrationTest
class MigrationIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketEventLog eventLog;

    @Autowired
    Customers customers;

    @Test
    void everyMigrationSucceeded() throws IOException {
        List<String> versions = jdbc.sql("select version from flyway_schema_history where success = true and version is not null order by installed_rank")
                .query(String.class).list();
        assertThat(versions).startsWith("1", "2").containsExactlyElementsOf(migrationsOnTheClasspath());
        String product = jdbc.sql("select 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData()
                .getDatabaseProductName()).single();
        assertThat(product).isEqualTo(TestDatabase.postgres() ? "PostgreSQL" : "H2");
    }

    @Test
    void ticketNumbersComeFromASequenceAndChangesLandInTheEventLog() {
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        TicketRef first = transactions.execute(s -> tickets.importTicket(ticket(now), Actor.system()));
        TicketRef second = transactions.execute(s -> tickets.importTicket(ticket(now), Actor.system()));

        assertThat(first.number()).isGreaterThanOrEqualTo(1000);
        assertThat(second.number()).isGreaterThan(first.number());
        assertThat(second.display()).isEqualTo("#" + second.number());

        transactions.executeWithoutResult(s -> eventLog.append(first.id(),
                new StatusChanged(TicketStatus.OPEN, TicketStatus.PENDING), Actor.agent(AgentId.of(1)), now.plusSeconds(60)));
        List<LoggedEvent> history = eventLog.history(first.id());
        assertThat(history).extracting(LoggedEvent::type).containsExactly("ticket_created", "status_changed", "status_changed");
        LoggedEvent last = history.get(2);
        assertThat(last.actor()).isEqualTo(Actor.agent(AgentId.of(1)));
        assertThat(last.payload()).containsEntry("from", "OPEN").containsEntry("to", "PENDING");
        assertThat(last.occurredAt()).isEqualTo(now.plusSeconds(60));
    }

    @Test
    void theEventLogRefusesAnAppendOutsideATransaction() {
        TicketRef ticket = transactions.execute(s -> tickets.importTicket(ticket(Instant.now()), Actor.system()));

        assertThatThrownBy(() -> eventLog.append(ticket.id(), new StatusChanged(TicketStatus.OPEN, TicketStatus.SOLVED),
                Actor.system(), Instant.now())).isInstanceOf(IllegalTransactionStateException.class);
    }

    /** The versions of db/migration/V*__*.sql in order, so a new migration needs no change here. */
    private static List<String> migrationsOnTheClasspath() throws IOException {
        // SQL scripts, and the Java migrations (db.migration.V24__…) for what SQL cannot say portably.
        var resolver = new PathMatchingResourcePatternResolver();
        Resource[] sql = resolver.getResources("classpath:db/migration/V*__*.sql");
        Resource[] classes = resolver.getResources("classpath:db/migration/V*__*.class");
        return java.util.stream.Stream.concat(Arrays.stream(sql), Arrays.stream(classes))
                .map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")).replace('_', '.'))
                .sorted(Comparator.comparing(BigDecimal::new))
                .toList();
    }

    private TicketImport ticket(Instant at) {
        var requester = customers.create("Req " + System.nanoTime(), "req" + System.nanoTime() + "@example.test", null, null);
        return new TicketImport("Printer on fire", requester, null, null, null, TicketStatus.OPEN, Priority.HIGH,
                "incident", Channel.PHONE, at, at, null, null, null);
    }
}
