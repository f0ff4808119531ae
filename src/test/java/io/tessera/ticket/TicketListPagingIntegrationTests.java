package io.tessera.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;

/**
 * Keyset pages of the workspace list: following the cursor visits every ticket once, in order, also when
 * several tickets share one update time (the cursor's tie-break on id) — the case the extra index condition
 * of {@link TicketQueries#page} must not break.
 */
@IntegrationTest
class TicketListPagingIntegrationTests {

    @Autowired
    TicketQueries queries;

    @Autowired
    TicketAccess access;

    @Autowired
    Conversations conversations;

    @Autowired
    Customers customers;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    MutableClock clock;

    @Test
    void followingTheCursorVisitsEveryTicketOnceAlsoAcrossEqualUpdateTimes() {
        Team team = teams.create("Paging " + System.nanoTime(), "", Set.of(), Initiator.system());
        Agent agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        var requester = customers.findOrCreate("paging" + System.nanoTime() + "@example.test", "Pat Paging");
        List<Ticket> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Three tickets at one instant, then two at the next, then two more: ties straddle page borders.
            if (i == 3 || i == 5) {
                clock.advance(Duration.ofSeconds(1));
            }
            created.add(conversations.open(new NewTicket("Paging " + i, requester.id(), Channel.WEB, Priority.NORMAL,
                    null, team.id(), null, Set.of(), null), "Hello " + i, BodyFormat.TEXT,
                    Actor.customer(requester.id().value()), null));
        }
        Visibility viewer = access.viewer(agent.id());

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TicketPage page = queries.page(viewer, EnumSet.of(TicketStatus.NEW), cursor, 2);
            page.tickets().forEach(t -> seen.add(t.number()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        List<Long> expected = created.stream()
                .sorted(Comparator.comparing(Ticket::updatedAt).thenComparing(t -> t.id().value()).reversed())
                .map(Ticket::number).toList();
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(4);
    }
}
