package io.tessera.conversation.api;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpStatus;
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

import io.tessera.customer.Customers;
import io.tessera.identity.SignedInAgent;
import io.tessera.shared.Actor;
import io.tessera.shared.CustomerId;
import io.tessera.ticket.Follower;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketFollowers;

/**
 * {@code /api/v1/tickets/{number}/followers}: list (GET), add by address (POST {@code {"email", "name"}}:
 * 201, or 200 when they follow already; an unknown address becomes a customer), remove (DELETE
 * {@code /followers/{customerId}}, or {@code /followers?email=…}).
 */
@RestController
@RequestMapping("/api/v1/tickets/{number}/followers")
class TicketFollowerApiController {

    private final TicketAccess access;
    private final TicketFollowers followers;
    private final Customers customers;

    TicketFollowerApiController(TicketAccess access, TicketFollowers followers, Customers customers) {
        this.access = access;
        this.followers = followers;
        this.customers = customers;
    }

    record FollowerRequest(String email, String name) {
    }

    record FollowerResponse(long id, String name, String email) {

        static FollowerResponse of(Follower f) {
            return new FollowerResponse(f.id().value(), f.name(), f.email());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FollowerList(List<FollowerResponse> items, String next) {
    }

    @GetMapping
    FollowerList list(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        return new FollowerList(followers.followers(ticket.id()).stream().map(FollowerResponse::of).toList(), null);
    }

    @PostMapping
    ResponseEntity<FollowerResponse> add(@PathVariable long number, @RequestBody FollowerRequest request,
                                         @AuthenticationPrincipal SignedInAgent me) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        List<Follower> before = followers.followers(ticket.id());
        Follower added = followers.add(ticket.id(), request.email(), request.name(), Actor.agent(me.id()));
        boolean existed = before.stream().anyMatch(f -> f.id().equals(added.id()));
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/tickets/" + number + "/followers/" + added.id().value()))
                .body(FollowerResponse.of(added));
    }

    @DeleteMapping("/{customerId}")
    ResponseEntity<Void> remove(@PathVariable long number, @PathVariable long customerId,
                                @AuthenticationPrincipal SignedInAgent me) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        followers.remove(ticket.id(), CustomerId.of(customerId), Actor.agent(me.id()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    ResponseEntity<Void> removeByEmail(@PathVariable long number, @RequestParam String email,
                                       @AuthenticationPrincipal SignedInAgent me) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        CustomerId customer = customers.findByEmail(email).map(c -> c.id()).orElseThrow(() ->
                new InvalidTicketChange("email", email + " does not follow this ticket."));
        followers.remove(ticket.id(), customer, Actor.agent(me.id()));
        return ResponseEntity.noContent().build();
    }
}
