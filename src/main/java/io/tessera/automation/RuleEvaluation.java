package io.tessera.automation;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.ticket.Ticket;
import io.tessera.view.Conditions;
import io.tessera.view.RulePerspectives;

/**
 * Evaluates a rule's conditions in memory against a ticket, with the views' condition model: "me" is the
 * agent whose change woke the rule (nobody when a customer, the system or a rule did), "now" the clock's.
 */
@Component
class RuleEvaluation {

    private final RulePerspectives perspectives;
    private final io.tessera.ticket.TicketManagement tickets;
    private final Clock clock;

    RuleEvaluation(RulePerspectives perspectives, io.tessera.ticket.TicketManagement tickets, Clock clock) {
        this.perspectives = perspectives;
        this.tickets = tickets;
        this.clock = clock;
    }

    /**
     * What a rule would do to ticket {@code number} now, changing nothing: the builder's "test against
     * ticket #N", the same for triggers and automations.
     */
    RulePreview preview(Conditions conditions, java.util.List<RuleAction> actions, long number) {
        Ticket ticket = tickets.findByNumber(number)
                .orElseThrow(() -> new InvalidRule("ticket", "There is no ticket #" + number + "."));
        boolean matches = matches(conditions, ticket, null);
        java.util.List<String> would = !matches ? java.util.List.of() : actions.stream()
                .map(a -> a.type().label() + ": " + String.join(", ", a.values())).toList();
        return new RulePreview(ticket.number(), matches, would);
    }

    /** Checks that {@code ids} names each of {@code existing} once, for a new order of the rules. */
    static void checkOrder(java.util.List<Long> existing, java.util.List<Long> ids, String what) {
        if (ids == null || !ids.stream().sorted().toList().equals(existing.stream().sorted().toList())) {
            throw new InvalidRule("ids", "Give every " + what + "'s id exactly once, in the order they should run.");
        }
    }

    boolean matches(Conditions conditions, Ticket ticket, Actor actor) {
        AgentId me = actor instanceof Actor.AgentActor agent ? AgentId.of(agent.agentId()) : null;
        return conditions.matches(ticket, perspectives.of(me, clock.instant()));
    }
}
