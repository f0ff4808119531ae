package io.tessera.conversation.web;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.tessera.conversation.presence.PresenceHub;
import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketManagement;

/**
 * The live side of a ticket page: a server-sent event stream of who else is there and what changed
 * ({@code GET /tickets/{n}/live}), and typing pings ({@code POST /tickets/{n}/typing}, with the page's
 * CSRF token). Both only for agents who may see the ticket; others get the 404 of a missing ticket.
 */
@Controller
class LiveController {

    private final TicketAccess access;
    private final TicketManagement tickets;
    private final PresenceHub hub;

    LiveController(TicketAccess access, TicketManagement tickets, PresenceHub hub) {
        this.access = access;
        this.tickets = tickets;
        this.hub = hub;
    }

    /**
     * @param seen the newest event the page was rendered with: anything newer already happened between
     *             rendering and connecting, and is reported at once
     */
    @GetMapping(path = "/tickets/{number}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable long number, @RequestParam(required = false) Long seen,
                    @AuthenticationPrincipal SignedInAgent me) throws IOException {
        Ticket ticket = access.visibleTicket(me.id(), number);
        SseEmitter emitter = hub.join(ticket.id(), me.id(), me.name());
        long last = tickets.lastEventId(ticket.id());
        if (seen != null && last > seen) {
            emitter.send(SseEmitter.event().name("changed").data(Map.of("eventId", last, "type", "unknown",
                    "text", "This ticket changed since you opened it"), MediaType.APPLICATION_JSON));
        }
        return emitter;
    }

    @PostMapping("/tickets/{number}/typing")
    ResponseEntity<Void> typing(@PathVariable long number, @RequestParam(defaultValue = "true") boolean typing,
                                @AuthenticationPrincipal SignedInAgent me) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        hub.typing(ticket.id(), me.id(), typing);
        return ResponseEntity.noContent().build();
    }
}
