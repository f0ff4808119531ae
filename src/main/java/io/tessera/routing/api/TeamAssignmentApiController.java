package io.tessera.routing.api;

import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.identity.SignedInAgent;
import io.tessera.routing.Assignments;
import io.tessera.routing.InvalidRouting;
import io.tessera.routing.Strategy;
import io.tessera.shared.TeamId;

/**
 * {@code /api/v1/teams/{id}/assignment}: how a team's tickets are routed, {@code {"strategy":"LEAST_LOADED"}}
 * (admin role). Next to the team rather than under {@code /admin} because it is a property of the team that
 * other integrations read too; the role check is here, not in the filter chain.
 */
@RestController
@RequestMapping("/api/v1/teams/{id}/assignment")
@PreAuthorize("hasRole('ADMIN')")
class TeamAssignmentApiController {

    private final Assignments assignments;

    TeamAssignmentApiController(Assignments assignments) {
        this.assignments = assignments;
    }

    record AssignmentResponse(long teamId, String strategy) {
    }

    @GetMapping
    AssignmentResponse get(@PathVariable long id) {
        return new AssignmentResponse(id, assignments.strategy(TeamId.of(id)).name());
    }

    @PutMapping
    AssignmentResponse put(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body,
                           @AuthenticationPrincipal SignedInAgent me) {
        JsonFields fields = JsonFields.of(body, Set.of("strategy"));
        String strategy = fields.text("strategy");
        if (strategy == null || strategy.isBlank()) {
            throw new InvalidRouting("strategy", "Give the strategy: MANUAL, ROUND_ROBIN, LEAST_LOADED or SKILLS.");
        }
        return new AssignmentResponse(id, assignments.setStrategy(TeamId.of(id), Strategy.parse(strategy),
                me.initiator()).name());
    }
}
