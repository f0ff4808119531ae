package io.tessera.view.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.TicketPage;
import io.tessera.ticket.api.TicketResponse;
import io.tessera.ticket.api.TicketResponses;
import io.tessera.view.Column;
import io.tessera.view.ConditionRow;
import io.tessera.view.View;
import io.tessera.view.ViewCount;
import io.tessera.view.ViewCounts;
import io.tessera.view.ViewLists;
import io.tessera.view.Views;

/** {@code GET /api/v1/views} (the caller's views with counts) and {@code GET /api/v1/views/{id}/tickets}. */
@RestController
class ViewApiController {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ViewResponse(long id, String name, String kind, String builtIn, Long teamId, long count, boolean countIsAtLeast,
                        String countLabel, List<ConditionRow> all, List<ConditionRow> any, String sort, List<String> columns) {

        static ViewResponse of(View view, ViewCount count) {
            var d = view.definition();
            return new ViewResponse(view.id(), view.name(), view.kind().name().toLowerCase().replace('_', '-'),
                    view.builtInKey(), view.team() == null ? null : view.team().value(), count.value(), count.atLeast(),
                    count.label(), d.conditions().allRows(), d.conditions().anyRows(),
                    (d.order().descending() ? "-" : "") + d.order().sort().key(),
                    d.columns().stream().map(Column::key).toList());
        }
    }

    private final Views views;
    private final ViewLists lists;
    private final ViewCounts counts;
    private final AgentManagement agents;
    private final TicketResponses responses;

    ViewApiController(Views views, ViewLists lists, ViewCounts counts, AgentManagement agents, TicketResponses responses) {
        this.views = views;
        this.lists = lists;
        this.counts = counts;
        this.agents = agents;
        this.responses = responses;
    }

    @GetMapping("/api/v1/views")
    ListResponse<ViewResponse> views(@AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        return new ListResponse<>(views.of(agent).stream().map(v -> ViewResponse.of(v, counts.count(v, agent))).toList(), null);
    }

    @GetMapping("/api/v1/views/{id}/tickets")
    ListResponse<TicketResponse> tickets(@PathVariable long id, @RequestParam(required = false) String cursor,
                                         @RequestParam(required = false) String limit,
                                         @AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        TicketPage page = lists.page(views.get(id, agent), agent, cursor, TicketFilters.limit(limit));
        return new ListResponse<>(responses.of(page.tickets()), page.nextCursor());
    }
}
