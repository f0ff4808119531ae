package io.tessera.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.customer.Customers;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.TeamManagement;
import io.tessera.routing.Availability.Status;
import io.tessera.routing.RoutingTestData.TeamWithAgents;
import io.tessera.shared.AgentId;
import io.tessera.shared.Initiator;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.TestDatabase;
import io.tessera.ticket.TicketManagement;

/**
 * Two tickets routed at the same moment, each in its own real transaction that chooses an agent, holds on
 * a little (as a ticket's save with its triggers does) and then saves the ticket assigned: the team's lock
 * makes the second wait and count the first, so agents with a capacity of one never get both.
 */
@IntegrationTest
class AssignmentConcurrencyIntegrationTests {

    /** Long enough that, without the lock, the second transaction would choose before the first saved. */
    static final Duration HOLD = Duration.ofMillis(300);

    @Autowired Assignments assignments;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired TicketManagement tickets;
    @Autowired Customers customers;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    RoutingTestData data;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        data = new RoutingTestData(agents, teams, tickets, customers);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    /** Chooses and saves the ticket in one transaction, starting when {@code start} opens. */
    Future<Optional<AgentId>> route(TeamWithAgents team, CountDownLatch start) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return threads.submit(() -> {
            start.await();
            return transaction.execute(status -> {
                Optional<AgentId> chosen = assignments.choose(team.id(), Set.of(), Optional.empty());
                sleep(HOLD);
                data.open(team.id(), chosen.orElse(null));
                return chosen;
            });
        });
    }

    List<Optional<AgentId>> routeTwoAtOnce(TeamWithAgents team) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<AgentId>>> running = List.of(route(team, start), route(team, start));
        start.countDown();
        List<Optional<AgentId>> chosen = new ArrayList<>();
        for (Future<Optional<AgentId>> one : running) {
            chosen.add(one.get(30, TimeUnit.SECONDS));
        }
        return chosen;
    }

    @Test
    void twoTicketsAtOnceGoToTwoAgentsWithACapacityOfOne() throws Exception {
        for (int round = 0; round < 3; round++) {
            TeamWithAgents team = data.team(2);
            assignments.setStrategy(team.id(), Strategy.LEAST_LOADED, Initiator.system());
            for (AgentId agent : team.agents()) {
                assignments.setAvailability(agent, new Availability(Status.ONLINE, 1, null), Initiator.system());
            }

            List<Optional<AgentId>> chosen = routeTwoAtOnce(team);

            assertThat(chosen).allSatisfy(c -> assertThat(c).isPresent());
            assertThat(chosen.stream().map(Optional::get).distinct()).as("round " + round).hasSize(2);
            assertThat(team.agents()).allSatisfy(agent -> assertThat(assignments.load(agent)).isEqualTo(1));
            assertThat(assignments.choose(team.id(), Set.of(), Optional.empty())).as("both full").isEmpty();
        }
    }

    @Test
    void ofTwoTicketsAtOnceOnlyOneGoesToTheOneAgentWithRoom() throws Exception {
        TeamWithAgents team = data.team(1);
        assignments.setStrategy(team.id(), Strategy.LEAST_LOADED, Initiator.system());
        assignments.setAvailability(team.agent(0), new Availability(Status.ONLINE, 1, null), Initiator.system());

        List<Optional<AgentId>> chosen = routeTwoAtOnce(team);

        assertThat(chosen).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(assignments.load(team.agent(0))).isEqualTo(1);
    }

    @Test
    void aTicketThatWaitsTooLongForTheTeamStaysUnassignedInsteadOfFailing() throws Exception {
        TeamWithAgents team = data.team(2);
        assignments.setStrategy(team.id(), Strategy.ROUND_ROBIN, Initiator.system());
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        Future<Optional<AgentId>> holder = threads.submit(() -> transaction.execute(status -> {
            Optional<AgentId> chosen = assignments.choose(team.id(), Set.of(), Optional.empty());
            locked.countDown();
            await(release);
            return chosen;
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

        Optional<AgentId> waited = transaction.execute(status -> {
            // H2 gives up on a lock after 2 s by default; PostgreSQL waits unless told otherwise.
            if (TestDatabase.postgres()) {
                jdbc.sql("set local lock_timeout = '500ms'").update();
            }
            Optional<AgentId> chosen = assignments.choose(team.id(), Set.of(), Optional.empty());
            data.open(team.id(), chosen.orElse(null));
            return chosen;
        });
        release.countDown();

        assertThat(waited).isEmpty();
        assertThat(holder.get(30, TimeUnit.SECONDS)).contains(team.agent(0));
        assertThat(assignments.choose(team.id(), Set.of(), Optional.empty())).as("the lock is free again")
                .contains(team.agent(1));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
