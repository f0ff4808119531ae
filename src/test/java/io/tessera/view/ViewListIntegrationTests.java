package io.tessera.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketOrder;
import io.tessera.ticket.TicketPage;
import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketSort;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.TicketSummary;

/** Built-in views list exactly their tickets, for whom they are visible, page without gaps, and count with a bound. */
@IntegrationTest
class ViewListIntegrationTests {

    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired TicketManagement tickets;
    @Autowired TicketQueries queries;
    @Autowired TicketAccess access;
    @Autowired Views views;
    @Autowired ViewLists lists;
    @Autowired ViewCounts counts;
    @Autowired MutableClock clock;

    ViewFixtures data;
    Team team;
    Agent ana;
    Agent ben;

    @BeforeEach
    void setUp() {
        data = new ViewFixtures(agents, teams, customers, tickets);
        team = data.team();
        ana = data.agent(Role.AGENT, team);
        ben = data.agent(Role.AGENT, team);
    }

    @Test
    void builtInViewsListExactlyTheirTickets() {
        Instant now = clock.instant();
        TicketRef mineOpen = data.ticket(team.id(), ana.id(), TicketStatus.OPEN, Priority.NORMAL, now.minusSeconds(600), now.minusSeconds(500), null);
        TicketRef unassignedUrgent = data.ticket(team.id(), null, TicketStatus.NEW, Priority.URGENT, now.minusSeconds(900), now.minusSeconds(400), null);
        TicketRef bensPendingHigh = data.ticket(team.id(), ben.id(), TicketStatus.PENDING, Priority.HIGH, now.minusSeconds(800), now.minusSeconds(300), null);
        TicketRef solvedRecently = data.ticket(team.id(), ana.id(), TicketStatus.SOLVED, Priority.NORMAL, now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
        TicketRef solvedLongAgo = data.ticket(team.id(), ana.id(), TicketStatus.CLOSED, Priority.NORMAL, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(10)));
        TicketRef onHoldUnassigned = data.ticket(team.id(), null, TicketStatus.ON_HOLD, Priority.LOW, now.minusSeconds(700), now.minusSeconds(200), null);

        assertThat(numbers("my-open", ana)).containsExactly(mineOpen.number());
        // A queue: oldest first.
        assertThat(numbers("unassigned-my-teams", ana)).containsExactly(unassignedUrgent.number(), onHoldUnassigned.number());
        assertThat(numbers("all-open", ana)).containsExactly(onHoldUnassigned.number(), bensPendingHigh.number(),
                unassignedUrgent.number(), mineOpen.number());
        assertThat(numbers("urgent-high", ana)).containsExactly(unassignedUrgent.number(), bensPendingHigh.number());
        assertThat(numbers("pending", ana)).containsExactly(bensPendingHigh.number());
        assertThat(numbers("recently-solved", ana)).containsExactly(solvedRecently.number());
        assertThat(numbers("recently-solved", ana)).doesNotContain(solvedLongAgo.number());

        for (String key : List.of("my-open", "unassigned-my-teams", "all-open", "urgent-high", "pending", "recently-solved")) {
            View view = views.builtIn(key);
            assertThat(counts.count(view, ana)).as(key).isEqualTo(new ViewCount(numbers(key, ana).size(), false));
        }
    }

    @Test
    void anAgentOfAnotherTeamNeitherSeesNorCountsThem() {
        Instant now = clock.instant();
        data.ticket(team.id(), null, TicketStatus.OPEN, Priority.URGENT, now, now, null);
        data.ticket(team.id(), ben.id(), TicketStatus.PENDING, Priority.HIGH, now, now, null);
        Team other = data.team();
        Agent outsider = data.agent(Role.AGENT, other);

        for (View view : views.of(outsider)) {
            assertThat(lists.page(view, outsider, null, 50).tickets()).as(view.name()).isEmpty();
            assertThat(counts.count(view, outsider).value()).as(view.name()).isZero();
        }
        assertThat(numbers("all-open", ana)).hasSize(2);
    }

    @Test
    void keysetPagesHaveNoDuplicatesOrGapsWhenTimesAreShared() {
        Instant at = clock.instant().minusSeconds(3600);
        List<Long> all = new ArrayList<>();
        Priority[] priorities = {Priority.LOW, Priority.HIGH, Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.HIGH, Priority.LOW};
        for (Priority priority : priorities) {
            all.add(data.ticket(team.id(), null, TicketStatus.OPEN, priority, at, at, null).number());
        }
        Conditions open = Conditions.parse(List.of(new ConditionRow("status", "is", List.of("open"))), List.of());
        for (TicketSort sort : TicketSort.values()) {
            for (boolean descending : new boolean[] {true, false}) {
                TicketOrder order = new TicketOrder(sort, descending);
                List<TicketSummary> walked = new ArrayList<>();
                String cursor = null;
                int pages = 0;
                do {
                    TicketPage page = lists.page(open, order, ana, cursor, 3);
                    walked.addAll(page.tickets());
                    cursor = page.nextCursor();
                    pages++;
                } while (cursor != null);
                assertThat(pages).as(order.toString()).isEqualTo(3);
                assertThat(walked).extracting(TicketSummary::number).as(order.toString())
                        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
                if (sort == TicketSort.PRIORITY) {
                    List<Integer> ranks = walked.stream().map(t -> t.priority().rank()).toList();
                    assertThat(ranks).isSortedAccordingTo(descending ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
                }
                if (sort == TicketSort.NUMBER) {
                    assertThat(walked).extracting(TicketSummary::number)
                            .isSortedAccordingTo(descending ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
                }
            }
        }
    }

    @Test
    void countsStopAtTheBoundAndAreCachedBriefly() {
        Instant now = clock.instant();
        for (int i = 0; i < 7; i++) {
            data.ticket(team.id(), null, TicketStatus.OPEN, Priority.NORMAL, now, now, null);
        }
        View allOpen = views.builtIn("all-open");
        assertThat(queries.countUpTo(access.viewer(ana.id()), allOpen.definition().conditions().toFilter(lists.perspective(ana)), 5))
                .isEqualTo(5);
        assertThat(new ViewCount(ViewCounts.BOUND, true).label()).isEqualTo("999+");

        assertThat(counts.count(allOpen, ana).value()).isEqualTo(7);
        data.ticket(team.id(), null, TicketStatus.OPEN, Priority.NORMAL, now, now, null);
        assertThat(counts.count(allOpen, ana).value()).as("cached").isEqualTo(7);
        clock.advance(Duration.ofSeconds(11));
        assertThat(counts.count(allOpen, ana).value()).as("after the cache time").isEqualTo(8);
    }

    private List<Long> numbers(String builtIn, Agent agent) {
        return lists.page(views.builtIn(builtIn), agent, null, 50).tickets().stream().map(TicketSummary::number).toList();
    }
}
