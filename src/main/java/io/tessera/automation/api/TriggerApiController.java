package io.tessera.automation.api;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.automation.ActionRow;
import io.tessera.automation.InvalidRule;
import io.tessera.automation.RuleAction;
import io.tessera.automation.RulePreview;
import io.tessera.automation.Trigger;
import io.tessera.automation.TriggerDraft;
import io.tessera.automation.TriggerEvent;
import io.tessera.automation.Triggers;
import io.tessera.identity.SignedInAgent;
import io.tessera.view.ConditionRow;

/**
 * {@code /api/v1/admin/triggers}: the triggers of docs/rules.md for scripts (admin role, enforced by the API
 * filter chain). Conditions take the views' rows; actions are {@code {"type":…,"values":[…]}}.
 */
@RestController
@RequestMapping("/api/v1/admin/triggers")
class TriggerApiController {

    private final Triggers triggers;

    TriggerApiController(Triggers triggers) {
        this.triggers = triggers;
    }

    record Conditions(List<ConditionRow> all, List<ConditionRow> any) {
    }

    record TriggerRequest(String name, String description, Boolean enabled, List<String> events, Conditions conditions,
                          List<ActionRow> actions) {
        TriggerDraft draft() {
            return new TriggerDraft(name, description, enabled, events, conditions == null ? null : conditions.all(),
                    conditions == null ? null : conditions.any(), actions);
        }
    }

    record TriggerResponse(long id, String name, String description, boolean enabled, int position, List<String> events,
                           Conditions conditions, List<ActionRow> actions, String lastError, Instant lastErrorAt,
                           Instant createdAt, Instant updatedAt) {
        static TriggerResponse of(Trigger t) {
            return new TriggerResponse(t.id(), t.name(), t.description(), t.enabled(), t.position(),
                    t.events().stream().map(TriggerEvent::key).sorted().toList(),
                    new Conditions(t.conditions().allRows(), t.conditions().anyRows()),
                    t.actions().stream().map(RuleAction::row).toList(), t.lastError(), t.lastErrorAt(), t.createdAt(),
                    t.updatedAt());
        }
    }

    record ItemsResponse(List<TriggerResponse> items) {
    }

    record OrderRequest(List<Long> ids) {
    }

    @GetMapping
    ItemsResponse list() {
        return new ItemsResponse(triggers.list().stream().map(TriggerResponse::of).toList());
    }

    @GetMapping("/{id}")
    TriggerResponse get(@PathVariable long id) {
        return TriggerResponse.of(triggers.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TriggerResponse create(@RequestBody TriggerRequest request, @AuthenticationPrincipal SignedInAgent me) {
        return TriggerResponse.of(triggers.create(body(request).draft(), me.initiator()));
    }

    @PutMapping("/{id}")
    TriggerResponse update(@PathVariable long id, @RequestBody TriggerRequest request, @AuthenticationPrincipal SignedInAgent me) {
        return TriggerResponse.of(triggers.update(id, body(request).draft(), me.initiator()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        triggers.delete(id, me.initiator());
    }

    @PutMapping("/order")
    ItemsResponse reorder(@RequestBody OrderRequest request, @AuthenticationPrincipal SignedInAgent me) {
        return new ItemsResponse(triggers.reorder(request == null ? null : request.ids(), me.initiator()).stream()
                .map(TriggerResponse::of).toList());
    }

    /** Whether the trigger matches ticket {@code ticket} now and what it would do; changes nothing. */
    @PostMapping("/{id}/test")
    RulePreview test(@PathVariable long id, @RequestParam long ticket) {
        return triggers.test(id, ticket);
    }

    private static TriggerRequest body(TriggerRequest request) {
        if (request == null) {
            throw new InvalidRule("name", "Send the trigger as JSON.");
        }
        return request;
    }
}
