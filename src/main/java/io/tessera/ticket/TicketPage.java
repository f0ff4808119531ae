package io.tessera.ticket;

import java.util.List;

/** One page of a ticket list and the cursor of the next page ({@code null} on the last page). */
public record TicketPage(List<TicketSummary> tickets, String nextCursor) {
}
