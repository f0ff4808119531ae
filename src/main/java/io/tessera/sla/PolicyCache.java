package io.tessera.sla;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The policies and calendars, read once and kept for a few seconds: every change to every ticket asks
 * which policy applies, and these tables change a few times a year. A change made on this node is seen at
 * once (the cache is dropped when it commits); one made on another node within {@link #TTL_NANOS}.
 */
@Component
class PolicyCache {

    private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(10);

    record Snapshot(List<SlaPolicy> policies, Map<Long, BusinessCalendar> calendars, long loadedAt) {
    }

    private final SlaRepository repository;
    private volatile Snapshot snapshot;

    PolicyCache(SlaRepository repository) {
        this.repository = repository;
    }

    Snapshot get() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() > TTL_NANOS) {
            current = new Snapshot(repository.policies(), repository.calendars().stream()
                    .collect(Collectors.toMap(StoredCalendar::id, StoredCalendar::calendar)), System.nanoTime());
            snapshot = current;
        }
        return current;
    }

    /** The calendar a target is measured on: the policy's for business hours, else plain time. */
    BusinessCalendar timeOf(Long policyId, boolean businessHours) {
        if (!businessHours || policyId == null) {
            return BusinessCalendar.always();
        }
        Snapshot current = get();
        Map<Long, SlaPolicy> byId = current.policies().stream().collect(Collectors.toMap(SlaPolicy::id, Function.identity()));
        SlaPolicy policy = byId.get(policyId);
        if (policy == null || policy.calendarId() == null) {
            return BusinessCalendar.always();
        }
        return current.calendars().getOrDefault(policy.calendarId(), BusinessCalendar.always());
    }

    void invalidate() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = null;
                }
            });
        }
    }
}
