package io.tessera.view.api;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.TicketFields;
import io.tessera.ticket.TicketPage;
import io.tessera.ticket.api.TicketResponse;
import io.tessera.ticket.api.TicketResponses;
import io.tessera.view.ViewLists;

/**
 * {@code GET /api/v1/tickets}: the tickets the caller may see, filtered with the conditions views use,
 * keyset-paginated: {@code ?status=open,pending&assignee=me&tag=vip&field.product=Cloud&sort=-priority&limit=50&cursor=…}.
 */
@RestController
class TicketListApiController {

    private final ViewLists lists;
    private final AgentManagement agents;
    private final TicketResponses responses;
    private final TicketFields fields;

    TicketListApiController(ViewLists lists, AgentManagement agents, TicketResponses responses, TicketFields fields) {
        this.lists = lists;
        this.agents = agents;
        this.responses = responses;
        this.fields = fields;
    }

    @GetMapping("/api/v1/tickets")
    ListResponse<TicketResponse> list(@RequestParam MultiValueMap<String, String> query,
                                      @AuthenticationPrincipal SignedInAgent me) {
        var conditions = TicketFilters.conditions(query, fields::match);
        var order = TicketFilters.order(query.getFirst("sort"));
        int limit = TicketFilters.limit(query.getFirst("limit"));
        TicketPage page = lists.page(conditions, order, agents.get(me.id()), query.getFirst("cursor"), limit);
        return new ListResponse<>(responses.of(page.tickets()), page.nextCursor());
    }
}
