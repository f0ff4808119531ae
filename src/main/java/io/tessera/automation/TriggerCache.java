package io.tessera.automation;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The enabled triggers in order, parsed once and kept for a few seconds: every change to every ticket runs
 * them, and they change a few times a week. A change made on this node is seen at once (dropped when it
 * commits); one made on another node within {@link #TTL_NANOS}.
 */
@Component
class TriggerCache {

    private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private record Snapshot(List<Trigger> enabled, long loadedAt) {
    }

    private final TriggerRepository repository;
    private volatile Snapshot snapshot;

    TriggerCache(TriggerRepository repository) {
        this.repository = repository;
    }

    List<Trigger> enabled() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() > TTL_NANOS) {
            current = new Snapshot(repository.all().stream().filter(Trigger::enabled).toList(), System.nanoTime());
            snapshot = current;
        }
        return current.enabled();
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
