package io.tessera.ticket;

import java.time.Instant;
import java.util.Set;

import io.tessera.shared.AgentId;
import io.tessera.shared.CustomerId;
import io.tessera.shared.OrganizationId;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;

/** Test data builder for {@link Ticket}s in memory (the aggregate's constructor is the ticket module's own). */
public final class TicketFixtures {

    private TicketFixtures() {
    }

    public static Ticket ticket(long id, TicketStatus status, Priority priority, String type, Channel channel,
                                long requester, Long organization, Long team, Long assignee, Set<String> tags,
                                Instant created, Instant updated, Instant solved) {
        return new Ticket(TicketId.of(id), 1000 + id, "Ticket " + id, status, null, priority, type, channel,
                CustomerId.of(requester), organization == null ? null : OrganizationId.of(organization),
                team == null ? null : TeamId.of(team), assignee == null ? null : AgentId.of(assignee), tags, created,
                updated, null, solved, null, null, 0);
    }
}
