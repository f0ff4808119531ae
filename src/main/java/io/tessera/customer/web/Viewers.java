package io.tessera.customer.web;

import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.tessera.customer.TicketViewer;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.SignedInAgent;

/** Which tickets the signed-in agent may see in customer and organization pages (their current teams). */
@Component
class Viewers {

    private final AgentManagement agents;

    Viewers(AgentManagement agents) {
        this.agents = agents;
    }

    TicketViewer of(SignedInAgent me) {
        Agent agent = agents.get(me.id());
        boolean all = agent.role() == Role.ADMIN || agent.role() == Role.SUPERVISOR;
        return new TicketViewer(all, agent.teams().stream().map(t -> t.id()).collect(Collectors.toSet()), agent.id());
    }
}
