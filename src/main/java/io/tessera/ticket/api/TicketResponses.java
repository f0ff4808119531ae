package io.tessera.ticket.api;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.TicketSummary;

/**
 * Turns summaries (one row each, from {@link TicketQueries#SELECT}) into API tickets, reading the tags of a
 * whole page in one query: a list of 100 tickets costs two queries, not 101.
 */
@Component
public class TicketResponses {

    private final TicketQueries queries;

    TicketResponses(TicketQueries queries) {
        this.queries = queries;
    }

    public List<TicketResponse> of(List<TicketSummary> tickets) {
        var tags = queries.tagsOf(tickets.stream().map(TicketSummary::id).toList());
        // Custom field values join here, read per page the same way, when custom fields land.
        return tickets.stream()
                .map(t -> TicketResponse.of(t, tags.getOrDefault(t.id(), List.of()), Map.of()))
                .toList();
    }

    public TicketResponse of(TicketSummary ticket) {
        return of(List.of(ticket)).get(0);
    }
}
