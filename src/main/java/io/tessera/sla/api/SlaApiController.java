package io.tessera.sla.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.identity.SignedInAgent;
import io.tessera.sla.BusinessCalendars;
import io.tessera.sla.CalendarDraft;
import io.tessera.sla.InvalidSla;
import io.tessera.sla.OpeningInterval;
import io.tessera.sla.SlaClocks;
import io.tessera.sla.SlaPolicies;
import io.tessera.sla.SlaPolicy;
import io.tessera.sla.SlaPolicyDraft;
import io.tessera.sla.StoredCalendar;
import io.tessera.view.ConditionRow;

/**
 * {@code /api/v1/admin/sla}: business-hours calendars and SLA policies for scripts (admin role, enforced by
 * the API filter chain). Policy conditions take the views' rows, as triggers do (docs/sla.md).
 */
@RestController
@RequestMapping("/api/v1/admin/sla")
class SlaApiController {

    private final BusinessCalendars calendars;
    private final SlaPolicies policies;
    private final SlaClocks clocks;

    SlaApiController(BusinessCalendars calendars, SlaPolicies policies, SlaClocks clocks) {
        this.calendars = calendars;
        this.policies = policies;
        this.clocks = clocks;
    }

    record ScanResponse(int fired) {
    }

    /** Fires the warnings and breaches due now, as the scheduled scan does: for operators and benchmarks. */
    @PostMapping("/scan")
    ScanResponse scan() {
        return new ScanResponse(clocks.scanNow());
    }

    record CalendarResponse(long id, String name, String zone, Map<String, List<String>> hours, List<String> holidays) {
        static CalendarResponse of(StoredCalendar stored) {
            var c = stored.calendar();
            Map<String, List<String>> hours = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                List<String> intervals = c.hours(day).stream().map(OpeningInterval::text).toList();
                if (!intervals.isEmpty()) {
                    hours.put(day.name().toLowerCase(Locale.ROOT), intervals);
                }
            }
            return new CalendarResponse(stored.id(), c.name(), c.zone().getId(), hours,
                    c.holidays().stream().sorted().map(LocalDate::toString).toList());
        }
    }

    record Conditions(List<ConditionRow> all, List<ConditionRow> any) {
    }

    record PolicyRequest(String name, String description, Boolean enabled, Conditions conditions, Long calendarId,
                         Integer warningMinutes, List<SlaPolicyDraft.TargetRow> targets) {
        SlaPolicyDraft draft() {
            return new SlaPolicyDraft(name, description, enabled, conditions == null ? null : conditions.all(),
                    conditions == null ? null : conditions.any(), calendarId, warningMinutes, targets);
        }
    }

    record TargetResponse(String priority, String metric, int minutes, boolean businessHours) {
    }

    record PolicyResponse(long id, String name, String description, boolean enabled, int position, Conditions conditions,
                          Long calendarId, int warningMinutes, List<TargetResponse> targets, Instant createdAt,
                          Instant updatedAt) {
        static PolicyResponse of(SlaPolicy p) {
            return new PolicyResponse(p.id(), p.name(), p.description(), p.enabled(), p.position(),
                    new Conditions(p.conditions().allRows(), p.conditions().anyRows()), p.calendarId(), p.warningMinutes(),
                    p.targets().stream().map(t -> new TargetResponse(t.priority().key(), t.metric().key(), t.minutes(),
                            t.businessHours())).toList(),
                    p.createdAt(), p.updatedAt());
        }
    }

    record Items<T>(List<T> items) {
    }

    record OrderRequest(List<Long> ids) {
    }

    @GetMapping("/calendars")
    Items<CalendarResponse> calendars() {
        return new Items<>(calendars.list().stream().map(CalendarResponse::of).toList());
    }

    @GetMapping("/calendars/{id}")
    CalendarResponse calendar(@PathVariable long id) {
        return CalendarResponse.of(calendars.get(id));
    }

    @PostMapping("/calendars")
    @ResponseStatus(HttpStatus.CREATED)
    CalendarResponse createCalendar(@RequestBody CalendarDraft draft, @AuthenticationPrincipal SignedInAgent me) {
        return CalendarResponse.of(calendars.create(body(draft), me.initiator()));
    }

    @PutMapping("/calendars/{id}")
    CalendarResponse updateCalendar(@PathVariable long id, @RequestBody CalendarDraft draft,
                                    @AuthenticationPrincipal SignedInAgent me) {
        return CalendarResponse.of(calendars.update(id, body(draft), me.initiator()));
    }

    @DeleteMapping("/calendars/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCalendar(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        calendars.delete(id, me.initiator());
    }

    @GetMapping("/policies")
    Items<PolicyResponse> policies() {
        return new Items<>(policies.list().stream().map(PolicyResponse::of).toList());
    }

    @GetMapping("/policies/{id}")
    PolicyResponse policy(@PathVariable long id) {
        return PolicyResponse.of(policies.get(id));
    }

    @PostMapping("/policies")
    @ResponseStatus(HttpStatus.CREATED)
    PolicyResponse createPolicy(@RequestBody PolicyRequest request, @AuthenticationPrincipal SignedInAgent me) {
        return PolicyResponse.of(policies.create(body(request).draft(), me.initiator()));
    }

    @PutMapping("/policies/{id}")
    PolicyResponse updatePolicy(@PathVariable long id, @RequestBody PolicyRequest request,
                                @AuthenticationPrincipal SignedInAgent me) {
        return PolicyResponse.of(policies.update(id, body(request).draft(), me.initiator()));
    }

    @DeleteMapping("/policies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deletePolicy(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        policies.delete(id, me.initiator());
    }

    @PutMapping("/policies/order")
    Items<PolicyResponse> reorder(@RequestBody OrderRequest request, @AuthenticationPrincipal SignedInAgent me) {
        return new Items<>(policies.reorder(request == null ? null : request.ids(), me.initiator()).stream()
                .map(PolicyResponse::of).toList());
    }

    private static <T> T body(T request) {
        if (request == null) {
            throw new InvalidSla("name", "Send it as JSON.");
        }
        return request;
    }
}
