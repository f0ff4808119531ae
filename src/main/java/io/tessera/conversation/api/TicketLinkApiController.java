package io.tessera.conversation.api;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.identity.SignedInAgent;
import io.tessera.shared.Actor;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.LinkType;
import io.tessera.ticket.LinkedTicket;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketLinks;
import io.tessera.ticket.TicketNotFound;

/**
 * {@code /api/v1/tickets/{number}/links}: list (GET), add (POST {@code {"type": "child", "number": 13}} —
 * the type says what ticket 13 is to this one: related, parent, child), remove (DELETE
 * {@code /links/13}, or {@code /links?number=13}). Both tickets must be visible to the caller.
 */
@RestController
@RequestMapping("/api/v1/tickets/{number}/links")
class TicketLinkApiController {

    private final TicketAccess access;
    private final TicketLinks links;

    TicketLinkApiController(TicketAccess access, TicketLinks links) {
        this.access = access;
        this.links = links;
    }

    record LinkRequest(String type, Long number) {
    }

    /** A linked ticket; {@code subject}, {@code status} and {@code statusName} are null for one the caller may not see. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LinkResponse(String type, long number, String subject, String status, String statusName) {

        static LinkResponse of(LinkedTicket l) {
            return new LinkResponse(l.type().key(), l.number(), l.subject(), l.status() == null ? null : l.status().key(),
                    l.statusName());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LinkList(List<LinkResponse> items, String next) {
    }

    @GetMapping
    LinkList list(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        return new LinkList(links.links(ticket.id(), access.viewer(me.id())).stream().map(LinkResponse::of).toList(), null);
    }

    @PostMapping
    ResponseEntity<LinkResponse> add(@PathVariable long number, @RequestBody LinkRequest request,
                                     @AuthenticationPrincipal SignedInAgent me) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        Ticket other = other(me, request.number());
        LinkedTicket linked = links.link(ticket.id(), LinkType.fromKey(request.type()), other.id(), Actor.agent(me.id()));
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + number + "/links/" + other.number()))
                .body(LinkResponse.of(linked));
    }

    @DeleteMapping("/{other}")
    ResponseEntity<Void> remove(@PathVariable long number, @PathVariable long other,
                                @AuthenticationPrincipal SignedInAgent me) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        links.unlink(ticket.id(), other(me, other).id(), Actor.agent(me.id()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    ResponseEntity<Void> removeByParameter(@PathVariable long number, @RequestParam("number") long other,
                                           @AuthenticationPrincipal SignedInAgent me) {
        return remove(number, other, me);
    }

    /** The other ticket: one the caller may see, or a refusal naming the field (the path's ticket is the 404). */
    private Ticket other(SignedInAgent me, Long number) {
        if (number == null) {
            throw new InvalidTicketChange("number", "Give the number of the ticket to link.");
        }
        try {
            return access.visibleTicket(me.id(), number);
        } catch (TicketNotFound e) {
            throw new InvalidTicketChange("number", "There is no ticket #" + number + ".");
        }
    }
}
