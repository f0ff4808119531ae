package io.tessera.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;

import io.tessera.conversation.MergeResult;
import io.tessera.conversation.TicketMerging;
import io.tessera.identity.Agent;
import io.tessera.shared.Actor;
import io.tessera.shared.TicketId;
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
    private final TicketMerging merging;

    BulkActions(TicketManagement tickets, TicketAccess access, ViewCounts counts, TicketMerging merging) {
        this.tickets = tickets;
        this.access = access;
        this.counts = counts;
        this.merging = merging;
    }

    /**
     * Merges the selected tickets into the ticket numbered {@code target} ({@link TicketMerging}: each source
     * closed and pointing at the target, its messages copied there), reported like any other bulk action.
     * The target itself, if selected, is skipped rather than refused.
     */
    public BulkResult mergeInto(Agent agent, List<Long> numbers, Long target) {
        checkSelection(numbers);
        if (target == null) {
            throw new InvalidView("mergeInto", "Give the number of the ticket to merge into.");
        }
        Ticket into;
        try {
            into = access.visibleTicket(agent.id(), target);
        } catch (TicketNotFound e) {
            throw new InvalidView("mergeInto", "There is no ticket #" + target + " you may see.");
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<TicketId> sources = new ArrayList<>();
        for (long number : new LinkedHashSet<>(numbers)) {
            if (number == target) {
                continue;
            }
            try {
                sources.add(access.visibleTicket(agent.id(), number).id());
            } catch (TicketNotFound e) {
                outcomes.add(new Outcome(number, Kind.FAILED, "not found."));
            }
        }
        if (!sources.isEmpty()) {
            for (MergeResult result : merging.merge(sources, into.id(), Actor.agent(agent.id()))) {
                outcomes.add(new Outcome(result.number(), result.merged() ? Kind.UPDATED : Kind.FAILED, result.reason()));
            }
        }
        List<Long> selection = List.copyOf(new LinkedHashSet<>(numbers));
        outcomes.sort(Comparator.comparingInt(o -> selection.indexOf(o.number())));
        counts.forget(agent.id());
        return new BulkResult(outcomes, "merged into #" + target);
    }

    public BulkResult apply(Agent agent, List<Long> numbers, List<TicketChange> changes) {
        checkSelection(numbers);
        List<Outcome> outcomes = new ArrayList<>();
        for (long number : new LinkedHashSet<>(numbers)) {
            outcomes.add(applyTo(agent, number, changes));
        }
        counts.forget(agent.id());
        return new BulkResult(outcomes);
    }

    private static void checkSelection(List<Long> numbers) {
        if (numbers == null || numbers.isEmpty()) {
            throw new InvalidView("tickets", "Select at least one ticket.");
        }
        if (numbers.size() > MAX_TICKETS) {
            throw new InvalidView("tickets", "Select at most " + MAX_TICKETS + " tickets at a time.");
        }
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
