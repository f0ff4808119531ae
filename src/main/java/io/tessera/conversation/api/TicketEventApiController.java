package io.tessera.conversation.api;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.conversation.api.ApiJson.EventResponse;
import io.tessera.conversation.api.ApiJson.PageResponse;
import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.LoggedEvent;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketEventLog;

/** {@code GET /api/v1/tickets/{number}/events}: the ticket's audit trail from the event log, oldest first. */
@RestController
class TicketEventApiController {

    private final TicketAccess access;
    private final TicketEventLog log;
    private final EventJson json;

    TicketEventApiController(TicketAccess access, TicketEventLog log, EventJson json) {
        this.access = access;
        this.log = log;
        this.json = json;
    }

    @GetMapping("/api/v1/tickets/{number}/events")
    PageResponse<EventResponse> list(@PathVariable long number, @RequestParam(required = false) String cursor,
                                     @RequestParam(defaultValue = "25") int limit,
                                     @AuthenticationPrincipal SignedInAgent me) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        int size = Cursors.limit(limit);
        List<LoggedEvent> rows = log.page(ticket.id(), Cursors.event(cursor), size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = Cursors.event(rows.get(size - 1).id());
        }
        return new PageResponse<>(json.of(rows), next);
    }
}
