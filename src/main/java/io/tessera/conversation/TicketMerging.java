package io.tessera.conversation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.TicketId;
import io.tessera.ticket.ConcurrentTicketChange;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketMerges;
import io.tessera.ticket.TicketNotFound;
import io.tessera.ticket.Visibility;

/**
 * Merging tickets — one or many sources into one target, from the ticket page, the API and bulk actions.
 * Each source is merged in its own transaction (closed, pointing at the target, {@code merged} on both,
 * its messages copied onto the target, its requester following the target), so one refusal does not undo
 * the others; the result says per source what happened. An agent must be able to see the target (else
 * {@link TicketNotFound}) and each source (else that source is refused as unknown).
 */
@Service
public class TicketMerging {

    static final int MAX_SOURCES = 100;

    private final TicketMerges merges;
    private final MessageCopies copies;
    private final TicketManagement tickets;
    private final TicketAccess access;
    private final Conversations conversations;
    private final TransactionTemplate transaction;

    TicketMerging(TicketMerges merges, MessageCopies copies, TicketManagement tickets, TicketAccess access,
                  Conversations conversations, PlatformTransactionManager transactions) {
        this.merges = merges;
        this.copies = copies;
        this.tickets = tickets;
        this.access = access;
        this.conversations = conversations;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Merges {@code sources} into {@code target}; see {@link #merge(List, TicketId, Actor, String)}. */
    public List<MergeResult> merge(List<TicketId> sources, TicketId target, Actor actor) {
        return merge(sources, target, actor, null);
    }

    /**
     * Merges {@code sources} into {@code target}, in the given order (duplicates once).
     *
     * @param note null for no note; otherwise an internal note is added to the target naming the tickets
     *             merged, followed by this text when it is not blank
     * @throws TicketNotFound       when the target does not exist or the agent may not see it
     * @throws InvalidTicketChange  ({@code sources}) when there are no sources or more than 100
     */
    public List<MergeResult> merge(List<TicketId> sources, TicketId target, Actor actor, String note) {
        if (sources == null || sources.isEmpty()) {
            throw new InvalidTicketChange("sources", "Choose at least one ticket to merge.");
        }
        if (sources.size() > MAX_SOURCES) {
            throw new InvalidTicketChange("sources", "Merge at most " + MAX_SOURCES + " tickets at once.");
        }
        Visibility viewer = viewerOf(actor);
        Ticket into = tickets.find(target).orElseThrow(() -> new IllegalArgumentException("No ticket with id " + target));
        if (viewer != null && !viewer.sees(into)) {
            throw new TicketNotFound(into.number());
        }
        List<MergeResult> results = new ArrayList<>();
        for (TicketId source : new LinkedHashSet<>(sources)) {
            results.add(mergeOne(source, into, viewer, actor));
        }
        List<MergeResult> merged = results.stream().filter(MergeResult::merged).toList();
        if (note != null && !merged.isEmpty()) {
            String what = merged.stream().map(r -> "#" + r.number()).collect(Collectors.joining(", "));
            String text = "Merged " + what + " into this ticket." + (note.isBlank() ? "" : "\n\n" + note.strip());
            transaction.executeWithoutResult(s -> conversations.agentWrote(target, null, actor, text, true, List.of()));
        }
        return results;
    }

    private MergeResult mergeOne(TicketId source, Ticket into, Visibility viewer, Actor actor) {
        Optional<Ticket> found = tickets.find(source);
        if (found.isEmpty() || (viewer != null && !viewer.sees(found.get()))) {
            return MergeResult.refused(source, found.map(Ticket::number).orElse(null),
                    found.map(t -> "No ticket " + t.display() + ".").orElse("No such ticket."));
        }
        long number = found.get().number();
        try {
            transaction.executeWithoutResult(s -> {
                merges.merge(source, into.id(), actor);
                copies.copyAll(source, into.id());
            });
            return MergeResult.merged(source, number);
        } catch (InvalidTicketChange e) {
            return MergeResult.refused(source, number, e.getMessage());
        } catch (ConcurrentTicketChange e) {
            return MergeResult.refused(source, number, "#" + number + " or " + into.display()
                    + " changed while merging; try again.");
        }
    }

    /** The agent's view of tickets; rules and the system act on every ticket. */
    private Visibility viewerOf(Actor actor) {
        return actor instanceof Actor.AgentActor agent ? access.viewer(AgentId.of(agent.agentId())) : null;
    }
}
