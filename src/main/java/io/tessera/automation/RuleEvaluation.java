package io.tessera.automation;

import java.time.Clock;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketFields;
import io.tessera.view.Conditions;
import io.tessera.view.Perspective;

/**
 * Evaluates a rule's conditions in memory against a ticket, with the views' condition model: "me" is the
 * agent whose change woke the rule (nobody when a customer, the system or a rule did), "now" the clock's.
 */
@Component
class RuleEvaluation {

    /** Stands for "me" when no agent is acting: no ticket is assigned to id 0. */
    private static final AgentId NOBODY = AgentId.of(0);

    private final TicketFields fields;
    private final Clock clock;

    RuleEvaluation(TicketFields fields, Clock clock) {
        this.fields = fields;
        this.clock = clock;
    }

    boolean matches(Conditions conditions, Ticket ticket, Actor actor) {
        AgentId me = actor instanceof Actor.AgentActor agent ? AgentId.of(agent.agentId()) : NOBODY;
        return conditions.matches(ticket, new Perspective(me, Set.of(), clock.instant(), fields::valuesOf));
    }
}
