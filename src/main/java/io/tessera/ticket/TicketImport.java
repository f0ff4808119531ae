package io.tessera.ticket;

import java.time.Instant;

import io.tessera.shared.AgentId;
import io.tessera.shared.CustomerId;
import io.tessera.shared.OrganizationId;
import io.tessera.shared.TeamId;

/**
 * A ticket with its history already decided: for demo data now and importers from other help desks later.
 * Times are given, not taken from the clock.
 */
public record TicketImport(String subject, CustomerId requester, OrganizationId organization, TeamId team,
                           AgentId assignee, TicketStatus status, Priority priority, String type, Channel channel,
                           Instant createdAt, Instant updatedAt, Instant firstResponseAt, Instant solvedAt,
                           Instant closedAt) {
}
