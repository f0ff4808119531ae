package io.tessera.ticket.api;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.tessera.ticket.TicketFields;
import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.TicketSummary;

/**
 * Turns summaries (one row each, from {@link TicketQueries#SELECT}) into API tickets, reading the tags and
 * the custom field values of a whole page in one query each: a list of 100 tickets costs three queries, not 201.
 */
@Component
public class TicketResponses {

    private final TicketQueries queries;
    private final TicketFields fields;

    TicketResponses(TicketQueries queries, TicketFields fields) {
        this.queries = queries;
        this.fields = fields;
    }

    public List<TicketResponse> of(List<TicketSummary> tickets) {
        var ids = tickets.stream().map(TicketSummary::id).toList();
        var tags = queries.tagsOf(ids);
        var values = fields.valuesOf(ids);
        return tickets.stream()
                .map(t -> TicketResponse.of(t, tags.getOrDefault(t.id(), List.of()), values.getOrDefault(t.id(), Map.of())))
                .toList();
    }

    public TicketResponse of(TicketSummary ticket) {
        return of(List.of(ticket)).get(0);
    }
}
