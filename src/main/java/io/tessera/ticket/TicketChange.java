package io.tessera.ticket;

import java.util.Set;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;

/**
 * One typed change to a ticket's properties. Agents' forms, the API, bulk actions and (later) macros and
 * triggers all describe what they want as a list of these, and {@link TicketManagement#update} applies
 * them through the aggregate's rules — there is no other way to change a ticket.
 */
public sealed interface TicketChange {

    /** A new status: a fixed category, optionally one of the admin's custom statuses in that category. */
    record SetStatus(TicketStatus status, Long customStatusId) implements TicketChange {
        public SetStatus(TicketStatus status) {
            this(status, null);
        }
    }

    record SetPriority(Priority priority) implements TicketChange {
    }

    /** A ticket type key ({@code question}, {@code incident}, …) or {@code null} for none. */
    record SetType(String type) implements TicketChange {
    }

    /** Assign to an agent, or {@code null} to unassign. */
    record Assign(AgentId assignee) implements TicketChange {
    }

    /** Move to a team, or {@code null} for no team. */
    record SetTeam(TeamId team) implements TicketChange {
    }

    record Rename(String subject) implements TicketChange {
    }

    record AddTags(Set<String> tags) implements TicketChange {
    }

    record RemoveTags(Set<String> tags) implements TicketChange {
    }

    /** Replace all tags. */
    record SetTags(Set<String> tags) implements TicketChange {
    }

    /**
     * Set a custom field by its key ({@code order_number}); {@code null}, "" or an empty list clears it. The
     * value may be typed text or the JSON value (number, boolean, list of options); see {@link CustomField}.
     */
    record SetField(String key, Object value) implements TicketChange {
    }
}
