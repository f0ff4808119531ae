package io.tessera.ticket;

import java.time.Instant;

import io.tessera.shared.TicketId;

/** A ticket as a list row shows it: one query joins the names, no per-row lookups. */
public record TicketSummary(TicketId id, long number, String subject, TicketStatus status, Priority priority,
                            Channel channel, String requesterName, String requesterEmail, String teamName,
                            String assigneeName, Instant createdAt, Instant updatedAt) {
}
