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
    private final Clock clock;

    RuleEvaluation(RulePerspectives perspectives, Clock clock) {
        this.perspectives = perspectives;
        this.clock = clock;
    }

    boolean matches(Conditions conditions, Ticket ticket, Actor actor) {
        AgentId me = actor instanceof Actor.AgentActor agent ? AgentId.of(agent.agentId()) : null;
        return conditions.matches(ticket, perspectives.of(me, clock.instant()));
    }
}
