package io.tessera.sla;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.tessera.shared.ReloadingCache;

/**
 * The policies and calendars, read once and kept for a few seconds (see {@link ReloadingCache}): every
 * change to every ticket asks which policy applies, and these tables change a few times a year.
 */
@Component
class PolicyCache {

    record Snapshot(List<SlaPolicy> policies, Map<Long, SlaPolicy> byId, Map<Long, BusinessCalendar> calendars) {
    }

    private final ReloadingCache<Snapshot> snapshot;

    PolicyCache(SlaRepository repository) {
        this.snapshot = new ReloadingCache<>(() -> {
            List<SlaPolicy> policies = repository.policies();
            return new Snapshot(policies, policies.stream().collect(Collectors.toMap(SlaPolicy::id, Function.identity())),
                    repository.calendars().stream().collect(Collectors.toMap(StoredCalendar::id, StoredCalendar::calendar)));
        }, 10);
    }

    Snapshot get() {
        return snapshot.get();
    }

    /** The calendar a target is measured on: the policy's for business hours, else plain time. */
    BusinessCalendar timeOf(Long policyId, boolean businessHours) {
        if (!businessHours || policyId == null) {
            return BusinessCalendar.always();
        }
        Snapshot current = get();
        SlaPolicy policy = current.byId().get(policyId);
        if (policy == null || policy.calendarId() == null) {
            return BusinessCalendar.always();
        }
        return current.calendars().getOrDefault(policy.calendarId(), BusinessCalendar.always());
    }

    void invalidate() {
        snapshot.invalidate();
    }
}
