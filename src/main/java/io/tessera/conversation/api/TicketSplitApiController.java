package io.tessera.conversation.api;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.conversation.TicketSplits;
import io.tessera.identity.SignedInAgent;
import io.tessera.shared.Actor;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.api.TicketResponse;
import io.tessera.ticket.api.TicketResponses;

/**
 * {@code POST /api/v1/tickets/{number}/messages/{messageId}/split} (body optional: {@code {"subject": …}})
 * makes a new ticket of a customer message: 201 with the new ticket, {@code Location} its address. A
 * message that is not a customer message of this ticket is refused (422, field {@code messageId}).
 */
@RestController
class TicketSplitApiController {

    private final TicketAccess access;
    private final TicketSplits splits;
    private final TicketQueries queries;
    private final TicketResponses responses;

    TicketSplitApiController(TicketAccess access, TicketSplits splits, TicketQueries queries, TicketResponses responses) {
        this.access = access;
        this.splits = splits;
        this.queries = queries;
        this.responses = responses;
    }

    record SplitRequest(String subject) {
    }

    @PostMapping("/api/v1/tickets/{number}/messages/{messageId}/split")
    ResponseEntity<TicketResponse> split(@PathVariable long number, @PathVariable long messageId,
                                         @RequestBody(required = false) SplitRequest request,
                                         @AuthenticationPrincipal SignedInAgent me) {
        Ticket origin = access.visibleTicket(me.id(), number);
        Ticket created = splits.split(origin.id(), messageId, request == null ? null : request.subject(),
                Actor.agent(me.id()));
        // The caller made it, so the caller reads it back, even if only its assignment made the origin visible.
        TicketResponse body = responses.of(queries.afterOwnChange(created.id()));
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + created.number())).body(body);
    }
}
