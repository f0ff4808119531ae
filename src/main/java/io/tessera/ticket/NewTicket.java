package io.tessera.ticket;

import java.util.Set;

import io.tessera.shared.AgentId;
import io.tessera.shared.CustomerId;
import io.tessera.shared.TeamId;

/**
 * What a new ticket starts with. The organization comes from the requester; the number from the sequence.
 * {@code status} is usually {@code null} (new), but an agent logging a call that is already solved may
 * create it solved.
 */
public record NewTicket(String subject, CustomerId requester, Channel channel, Priority priority, String type,
                        TeamId team, AgentId assignee, Set<String> tags, TicketStatus status) {

    public NewTicket {
        priority = priority == null ? Priority.NORMAL : priority;
        tags = tags == null ? Set.of() : tags;
    }
}
