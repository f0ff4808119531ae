package io.tessera.identity.api;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.CreatedAgent;
import io.tessera.identity.InvalidChange;
import io.tessera.identity.NewAgent;
import io.tessera.identity.Role;
import io.tessera.identity.SignedInAgent;
import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;

/**
 * {@code /api/v1/admin/agents}: the agent administration the admin screens offer, for scripts
 * (admin role, enforced by the API filter chain).
 */
@RestController
@RequestMapping("/api/v1/admin/agents")
class AgentApiController {

    private final AgentManagement agents;

    AgentApiController(AgentManagement agents) {
        this.agents = agents;
    }

    record AgentResponse(long id, String email, String name, String role, boolean active, List<Long> teamIds) {
        static AgentResponse of(Agent agent) {
            return new AgentResponse(agent.id().value(), agent.email(), agent.name(), agent.role().name().toLowerCase(),
                    agent.active(), agent.teams().stream().map(t -> t.id().value()).toList());
        }
    }

    record CreateAgentRequest(String email, String name, String role, List<Long> teamIds, String password) {
    }

    record CreatedAgentResponse(AgentResponse agent, String generatedPassword) {
    }

    @GetMapping
    List<AgentResponse> list() {
        return agents.list().stream().map(AgentResponse::of).toList();
    }

    @GetMapping("/{id}")
    AgentResponse get(@PathVariable long id) {
        return AgentResponse.of(agents.get(AgentId.of(id)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedAgentResponse create(@RequestBody CreateAgentRequest request, @AuthenticationPrincipal SignedInAgent me) {
        Set<TeamId> teams = request.teamIds() == null ? Set.of()
                : request.teamIds().stream().map(TeamId::of).collect(Collectors.toSet());
        CreatedAgent created = agents.create(new NewAgent(request.email(), request.name(), role(request.role()), teams,
                request.password()), me.initiator());
        return new CreatedAgentResponse(AgentResponse.of(created.agent()), created.generatedPassword());
    }

    @PostMapping("/{id}/deactivate")
    AgentResponse deactivate(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        agents.deactivate(AgentId.of(id), me.initiator());
        return get(id);
    }

    private static Role role(String value) {
        if (value == null || value.isBlank()) {
            return Role.AGENT;
        }
        try {
            return Role.valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidChange("role", "Role must be one of admin, supervisor, agent.");
        }
    }
}
