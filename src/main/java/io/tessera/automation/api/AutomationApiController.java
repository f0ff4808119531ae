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
import io.tessera.automation.Automation;
import io.tessera.automation.AutomationDraft;
import io.tessera.automation.Automations;
import io.tessera.automation.InvalidRule;
import io.tessera.automation.RuleAction;
import io.tessera.automation.RulePreview;
import io.tessera.identity.SignedInAgent;
import io.tessera.view.ConditionRow;

/**
 * {@code /api/v1/admin/automations}: time-based automations (docs/rules.md) for scripts, admin role. The same
 * shapes as triggers, without events; {@code POST /run} runs them all now.
 */
@RestController
@RequestMapping("/api/v1/admin/automations")
class AutomationApiController {

    private final Automations automations;

    AutomationApiController(Automations automations) {
        this.automations = automations;
    }

    record Conditions(List<ConditionRow> all, List<ConditionRow> any) {
    }

    record AutomationRequest(String name, String description, Boolean enabled, Conditions conditions,
                             List<ActionRow> actions) {
        AutomationDraft draft() {
            return new AutomationDraft(name, description, enabled, conditions == null ? null : conditions.all(),
                    conditions == null ? null : conditions.any(), actions);
        }
    }

    record AutomationResponse(long id, String name, String description, boolean enabled, int position,
                              Conditions conditions, List<ActionRow> actions, String lastError, Instant lastErrorAt,
                              Instant lastRunAt, Integer lastRunTickets, Instant createdAt, Instant updatedAt) {
        static AutomationResponse of(Automation a) {
            return new AutomationResponse(a.id(), a.name(), a.description(), a.enabled(), a.position(),
                    new Conditions(a.conditions().allRows(), a.conditions().anyRows()),
                    a.actions().stream().map(RuleAction::row).toList(), a.lastError(), a.lastErrorAt(), a.lastRunAt(),
                    a.lastRunTickets(), a.createdAt(), a.updatedAt());
        }
    }

    record ItemsResponse(List<AutomationResponse> items) {
    }

    record OrderRequest(List<Long> ids) {
    }

    record RunResponse(int acted) {
    }

    @GetMapping
    ItemsResponse list() {
        return new ItemsResponse(automations.list().stream().map(AutomationResponse::of).toList());
    }

    @GetMapping("/{id}")
    AutomationResponse get(@PathVariable long id) {
        return AutomationResponse.of(automations.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AutomationResponse create(@RequestBody AutomationRequest request, @AuthenticationPrincipal SignedInAgent me) {
        return AutomationResponse.of(automations.create(body(request).draft(), me.initiator()));
    }

    @PutMapping("/{id}")
    AutomationResponse update(@PathVariable long id, @RequestBody AutomationRequest request,
                              @AuthenticationPrincipal SignedInAgent me) {
        return AutomationResponse.of(automations.update(id, body(request).draft(), me.initiator()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        automations.delete(id, me.initiator());
    }

    @PutMapping("/order")
    ItemsResponse reorder(@RequestBody OrderRequest request, @AuthenticationPrincipal SignedInAgent me) {
        return new ItemsResponse(automations.reorder(request == null ? null : request.ids(), me.initiator()).stream()
                .map(AutomationResponse::of).toList());
    }

    @PostMapping("/{id}/test")
    RulePreview test(@PathVariable long id, @RequestParam long ticket) {
        return automations.test(id, ticket);
    }

    @PostMapping("/run")
    RunResponse run() {
        return new RunResponse(automations.runNow());
    }

    private static AutomationRequest body(AutomationRequest request) {
        if (request == null) {
            throw new InvalidRule("name", "Send the automation as JSON.");
        }
        return request;
    }
}
