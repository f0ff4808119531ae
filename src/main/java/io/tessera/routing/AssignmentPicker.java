package io.tessera.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tessera.shared.AgentId;

/**
 * The choice itself, without the database: given a team's active members with their availability, load
 * and skills, which one gets the ticket. Kept pure so every rule can be tested in a plain unit test;
 * {@link Assignments} reads the inputs under the team's lock and saves the outcome.
 */
final class AssignmentPicker {

    /** A member of the team: {@code load} is the number of unsolved tickets assigned to them, in any team. */
    record Candidate(AgentId id, Availability availability, int load, Set<String> skills) {

        Candidate {
            skills = Set.copyOf(skills);
        }

        boolean assignableAt(Instant now) {
            return availability.takesWorkAt(now) && availability.hasRoomFor(load);
        }
    }

    /** The agent picked; {@code followUp} when it is the previous assignee (round robin does not move on). */
    record Pick(AgentId agent, boolean followUp) {
    }

    private AssignmentPicker() {
    }

    /**
     * @param members      the team's active members, in any order
     * @param lastAgent    who got the team's last routed ticket ({@code null} at the start): round robin goes on after them
     * @param required     skills the ticket needs (normalised); only {@link Strategy#SKILLS} looks at them
     * @param previous     the agent who had the ticket before, for a follow-up; {@code null} for a new ticket
     */
    static Optional<Pick> pick(Strategy strategy, List<Candidate> members, AgentId lastAgent, Set<String> required,
                               AgentId previous, Instant now) {
        if (strategy == Strategy.MANUAL) {
            return Optional.empty();
        }
        List<Candidate> open = new ArrayList<>(members.stream().filter(c -> c.assignableAt(now)).toList());
        open.sort(Comparator.comparingLong(c -> c.id().value()));
        // The customer continues a conversation: the agent who knows it takes it if they can, whatever the
        // strategy would say, and without taking anyone's turn.
        if (previous != null) {
            Optional<Candidate> again = open.stream().filter(c -> c.id().equals(previous)).findFirst();
            if (again.isPresent()) {
                return Optional.of(new Pick(previous, true));
            }
        }
        if (strategy == Strategy.SKILLS) {
            open.removeIf(c -> !c.skills().containsAll(required));
        }
        if (open.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> turnOrder = afterLast(open, lastAgent);
        if (strategy == Strategy.ROUND_ROBIN) {
            return Optional.of(new Pick(turnOrder.get(0).id(), false));
        }
        // Least loaded (and skills): the lowest load wins; among equals the first in turn order, so a team
        // of idle agents shares new tickets in turn instead of the lowest id getting them all.
        Candidate least = turnOrder.get(0);
        for (Candidate candidate : turnOrder) {
            if (candidate.load() < least.load()) {
                least = candidate;
            }
        }
        return Optional.of(new Pick(least.id(), false));
    }

    /** The candidates (sorted by id) rotated to start after {@code last}: the round robin turn order. */
    private static List<Candidate> afterLast(List<Candidate> byId, AgentId last) {
        if (last == null) {
            return byId;
        }
        int first = 0;
        while (first < byId.size() && byId.get(first).id().value() <= last.value()) {
            first++;
        }
        List<Candidate> rotated = new ArrayList<>(byId.subList(first, byId.size()));
        rotated.addAll(byId.subList(0, first));
        return rotated;
    }
}
