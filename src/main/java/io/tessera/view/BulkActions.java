package io.tessera.view;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;

import io.tessera.identity.Agent;
import io.tessera.shared.Actor;
import io.tessera.ticket.ConcurrentTicketChange;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketNotFound;
import io.tessera.view.BulkResult.Kind;
import io.tessera.view.BulkResult.Outcome;

/**
 * Applies the same changes to several tickets, each through {@link TicketManagement#update} in its own
 * transaction (this class has none, so one refusal never undoes the others), each checked against the
 * agent's visibility first. A ticket the agent may not see is reported as not found, as everywhere.
 */
@Service
public class BulkActions {

    /** More than a page ("select all on this page" selects at most 100). */
    public static final int MAX_TICKETS = 200;

    private final TicketManagement tickets;
    private final TicketAccess access;
    private final ViewCounts counts;

    BulkActions(TicketManagement tickets, TicketAccess access, ViewCounts counts) {
        this.tickets = tickets;
        this.access = access;
        this.counts = counts;
    }

    // Merging in bulk (merge(List<TicketId> sources, TicketId target, Actor)) belongs here once the ticket
    // module offers it: one call for all selected tickets, reported through the same BulkResult.

    public BulkResult apply(Agent agent, List<Long> numbers, List<TicketChange> changes) {
        if (numbers == null || numbers.isEmpty()) {
            throw new InvalidView("tickets", "Select at least one ticket.");
        }
        if (numbers.size() > MAX_TICKETS) {
            throw new InvalidView("tickets", "Select at most " + MAX_TICKETS + " tickets at a time.");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (long number : new LinkedHashSet<>(numbers)) {
            outcomes.add(applyTo(agent, number, changes));
        }
        counts.forget(agent.id());
        return new BulkResult(outcomes);
    }

    private Outcome applyTo(Agent agent, long number, List<TicketChange> changes) {
        try {
            Ticket before = access.visibleTicket(agent.id(), number);
            Ticket after = tickets.update(before.id(), null, changes, Actor.agent(agent.id()));
            return new Outcome(number, sameState(before, after) ? Kind.UNCHANGED : Kind.UPDATED, null);
        } catch (TicketNotFound e) {
            return new Outcome(number, Kind.FAILED, "not found.");
        } catch (InvalidTicketChange e) {
            return new Outcome(number, Kind.FAILED, e.getMessage());
        } catch (ConcurrentTicketChange e) {
            return new Outcome(number, Kind.FAILED, "changed by someone else meanwhile; try again.");
        }
    }

    /** Whether nothing a bulk action can change did change (a save bumps the version regardless). */
    private static boolean sameState(Ticket a, Ticket b) {
        return a.status() == b.status() && Objects.equals(a.customStatusId(), b.customStatusId())
                && a.priority() == b.priority() && Objects.equals(a.team(), b.team())
                && Objects.equals(a.assignee(), b.assignee()) && a.tags().equals(b.tags());
    }
}
