package io.tessera.identity.api;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;

/** {@code GET /api/v1/me}: who the presented credentials belong to. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final AgentManagement agents;

    MeController(AgentManagement agents) {
        this.agents = agents;
    }

    record TeamResponse(long id, String name) {
    }

    record MeResponse(long id, String name, String email, String role, List<TeamResponse> teams) {
    }

    @GetMapping
    MeResponse me(@AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        return new MeResponse(agent.id().value(), agent.name(), agent.email(), agent.role().name().toLowerCase(),
                agent.teams().stream().map(t -> new TeamResponse(t.id().value(), t.name())).toList());
    }
}
