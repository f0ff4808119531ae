package io.tessera.conversation.api;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.conversation.Conversations;
import io.tessera.customer.Customer;
import io.tessera.customer.Customers;
import io.tessera.customer.InvalidChange;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.CustomerId;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;

/**
 * Creates a ticket from the API in one transaction: the idempotency key (claimed first, so a concurrent
 * duplicate waits and then fails without doing any work), the requester (found or created, joining an
 * organization by domain), the ticket with its first message, its custom field values and a starting
 * status other than new: a refused field value creates nothing.
 */
@Component
class TicketCreation {

    private final IdempotencyKeys keys;
    private final Customers customers;
    private final Conversations conversations;
    private final TicketManagement tickets;

    TicketCreation(IdempotencyKeys keys, Customers customers, Conversations conversations, TicketManagement tickets) {
        this.keys = keys;
        this.customers = customers;
        this.conversations = conversations;
        this.tickets = tickets;
    }

    /** @param key the caller's Idempotency-Key, or null; {@code requestHash} is then ignored */
    @Transactional
    Ticket create(AgentId caller, String key, String requestHash, NewTicketRequest request) {
        if (key != null) {
            keys.claim(caller, key, requestHash);
        }
        Actor by = Actor.agent(caller);
        Customer requester = requester(request);
        Ticket ticket = conversations.open(new NewTicket(request.subject(), requester.id(), request.channel(),
                request.priority(), request.type(), request.team(), request.assignee(), request.tags(), null),
                request.body(), request.format(), by, null);
        // Field values and a starting status in one change, so "create it solved" sees the values it needs.
        List<TicketChange> changes = new ArrayList<>(request.customFields());
        var status = request.status();
        if (status != null && (status.status() != TicketStatus.NEW || status.customStatusId() != null)) {
            changes.add(status);
        }
        if (!changes.isEmpty()) {
            ticket = tickets.update(ticket.id(), null, changes, by);
        }
        if (key != null) {
            keys.complete(caller, key, ticket.id(), 201);
        }
        return ticket;
    }

    private Customer requester(NewTicketRequest request) {
        if (request.requesterId() != null) {
            return customers.find(CustomerId.of(request.requesterId()))
                    .orElseThrow(() -> new InvalidRequest("requester.id", "There is no customer " + request.requesterId() + "."));
        }
        try {
            return customers.findOrCreate(request.requesterEmail(), request.requesterName());
        } catch (InvalidChange e) {
            throw new InvalidRequest("requester." + ("name".equals(e.field()) ? "name" : "email"), e.getMessage());
        }
    }
}
