package io.tessera.ticket.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.stereotype.Component;

import io.tessera.shared.TicketId;
import io.tessera.ticket.TicketApiExtension;
import io.tessera.ticket.TicketFields;
import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.TicketSummary;

/**
 * Turns summaries (one row each, from {@link TicketQueries#SELECT}) into API tickets, reading the tags and
 * the custom field values of a whole page in one query each, and asking each {@link TicketApiExtension}
 * once per page: a list of 100 tickets costs a handful of queries, not hundreds.
 */
@Component
public class TicketResponses {

    private final TicketQueries queries;
    private final TicketFields fields;
    private final ObjectProvider<TicketApiExtension> extensions;

    TicketResponses(TicketQueries queries, TicketFields fields, ObjectProvider<TicketApiExtension> extensions) {
        this.queries = queries;
        this.fields = fields;
        this.extensions = extensions;
    }

    public List<TicketResponse> of(List<TicketSummary> tickets) {
        var ids = tickets.stream().map(TicketSummary::id).toList();
        var tags = queries.tagsOf(ids);
        var values = fields.valuesOf(ids);
        Map<String, Map<TicketId, Object>> parts = new LinkedHashMap<>();
        extensions.orderedStream().forEach(e -> parts.put(e.key(), e.describe(ids)));
        return tickets.stream()
                .map(t -> TicketResponse.of(t, tags.getOrDefault(t.id(), List.of()), values.getOrDefault(t.id(), Map.of()),
                        extensionsOf(t.id(), parts)))
                .toList();
    }

    private static Map<String, Object> extensionsOf(TicketId ticket, Map<String, Map<TicketId, Object>> parts) {
        Map<String, Object> mine = new LinkedHashMap<>();
        parts.forEach((key, described) -> mine.put(key, described.get(ticket)));
        return mine;
    }

    public TicketResponse of(TicketSummary ticket) {
        return of(List.of(ticket)).get(0);
    }
}
