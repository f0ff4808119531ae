package io.tessera.ticket;

import java.time.Instant;

import io.tessera.shared.AgentId;
import io.tessera.shared.CustomerId;
import io.tessera.shared.OrganizationId;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;

/**
 * A ticket as lists and the API show it: one query joins the names (requester, organization, team,
 * assignee, custom status), no per-row lookups. {@code statusName} is the custom status's name when the
 * ticket has one, else the category's label. Tags and custom fields are read per page in one query each
 * ({@link TicketQueries#tagsOf}). {@code slaDueAt} is the next running SLA deadline (docs/sla.md), or
 * {@code null} when no clock runs.
 */
public record TicketSummary(TicketId id, long number, String subject, TicketStatus status, String statusName,
                            Priority priority, String type, Channel channel,
                            CustomerId requesterId, String requesterName, String requesterEmail,
                            OrganizationId organizationId, String organizationName,
                            TeamId teamId, String teamName, AgentId assigneeId, String assigneeName,
                            Instant createdAt, Instant updatedAt, Instant firstResponseAt, Instant solvedAt,
                            Instant closedAt, int version, Instant slaDueAt) {

    /** The stored sort key behind {@link #slaDueAt()}: {@link TicketDeadlines#NONE} when no clock runs. */
    Instant slaSortKey() {
        return slaDueAt == null ? TicketDeadlines.NONE : slaDueAt;
    }
}
