package io.tessera.view.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;
import io.tessera.view.BulkActions;
import io.tessera.view.BulkChanges;
import io.tessera.view.BulkResult;
import io.tessera.view.InvalidView;

/**
 * {@code POST /api/v1/tickets/bulk}: {@code {"tickets":[1042,1043],"changes":{"priority":"high",
 * "assignee":"me","addTags":["vip"]}}} or {@code {"tickets":[1042,1043],"mergeInto":1040}} → each ticket's
 * outcome. Always 200 when the request itself is
 * valid: per-ticket refusals are results, not an error of the call.
 */
@RestController
class BulkApiController {

    record BulkRequest(List<Long> tickets, Map<String, Object> changes, Long mergeInto) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OutcomeResponse(long number, String outcome, String error) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BulkResponse(long updated, long unchanged, long failed, String summary, List<OutcomeResponse> results) {
    }

    private static final List<String> CHANGES = List.of("status", "priority", "assignee", "team", "addTags", "removeTags");

    private final BulkActions bulk;
    private final AgentManagement agents;

    BulkApiController(BulkActions bulk, AgentManagement agents) {
        this.bulk = bulk;
        this.agents = agents;
    }

    @PostMapping("/api/v1/tickets/bulk")
    BulkResponse apply(@RequestBody BulkRequest request, @AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        Map<String, Object> changes = request.changes() == null ? Map.of() : request.changes();
        if (request.mergeInto() != null) {
            if (!changes.isEmpty()) {
                throw new InvalidView("mergeInto", "Merge or change the tickets, not both in one call.");
            }
            return response(bulk.mergeInto(agent, request.tickets(), request.mergeInto()));
        }
        changes.keySet().stream().filter(k -> !CHANGES.contains(k)).findFirst().ifPresent(k -> {
            throw new InvalidView("changes." + k, "Unknown change '" + k + "'. Use " + String.join(", ", CHANGES) + ".");
        });
        BulkResult result = bulk.apply(agent, request.tickets(), BulkChanges.parse(text(changes, "status"),
                text(changes, "priority"), text(changes, "assignee"), text(changes, "team"),
                list(changes, "addTags"), list(changes, "removeTags"), agent.id()));
        return response(result);
    }

    private static BulkResponse response(BulkResult result) {
        return new BulkResponse(result.count(BulkResult.Kind.UPDATED), result.count(BulkResult.Kind.UNCHANGED),
                result.failures().size(), result.summary(),
                result.outcomes().stream().map(o -> new OutcomeResponse(o.number(),
                        o.kind().name().toLowerCase(), o.message())).toList());
    }

    /** A value as text; an explicit {@code null} for assignee or team means "none" (unassign, no team). */
    private static String text(Map<String, Object> changes, String key) {
        if (!changes.containsKey(key)) {
            return null;
        }
        Object value = changes.get(key);
        if (value == null) {
            if (key.equals("assignee") || key.equals("team")) {
                return "none";
            }
            throw new InvalidView("changes." + key, key + " cannot be null.");
        }
        if (value instanceof String || value instanceof Number) {
            return value.toString();
        }
        throw new InvalidView("changes." + key, key + " must be a string or a number.");
    }

    private static List<String> list(Map<String, Object> changes, String key) {
        Object value = changes.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items && items.stream().allMatch(i -> i instanceof String)) {
            return items.stream().map(String.class::cast).toList();
        }
        throw new InvalidView("changes." + key, key + " must be a list of tags.");
    }
}
