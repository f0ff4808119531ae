package io.tessera.identity.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiToken;
import io.tessera.identity.ApiTokens;
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
    private final ApiTokens tokens;

    AgentApiController(AgentManagement agents, ApiTokens tokens) {
        this.agents = agents;
        this.tokens = tokens;
    }

    /** An agent's API token as admins see it: never the secret, only its first characters. */
    record TokenResponse(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt,
                         boolean active) {
        static TokenResponse of(ApiToken token) {
            return new TokenResponse(token.id(), token.name(), token.prefix(), token.createdAt(), token.lastUsedAt(),
                    token.revokedAt(), token.active());
        }
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

    @GetMapping("/{id}/tokens")
    List<TokenResponse> tokens(@PathVariable long id) {
        return tokens.list(agents.get(AgentId.of(id)).id()).stream().map(TokenResponse::of).toList();
    }

    /** Revokes one of the agent's tokens (audited); revoking a revoked one again changes nothing. */
    @DeleteMapping("/{id}/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable long id, @PathVariable long tokenId, @AuthenticationPrincipal SignedInAgent me) {
        tokens.revoke(agents.get(AgentId.of(id)).id(), tokenId, me.initiator());
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
