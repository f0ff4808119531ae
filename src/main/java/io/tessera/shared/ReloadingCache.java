package io.tessera.shared;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value read from the database on first use and kept for a few seconds: the rules every ticket change
 * consults (triggers, SLA policies) change a few times a week. {@link #invalidate()} drops it at once and
 * again when the changing transaction ends, so this node never keeps a copy read before the change
 * committed; other nodes see the change within the time to live.
 */
public final class ReloadingCache<T> {

    private record Loaded<T>(T value, long at) {
    }

    private final Supplier<T> loader;
    private final long ttlNanos;
    private volatile Loaded<T> loaded;

    public ReloadingCache(Supplier<T> loader, long ttlSeconds) {
        this.loader = loader;
        this.ttlNanos = TimeUnit.SECONDS.toNanos(ttlSeconds);
    }

    public T get() {
        Loaded<T> current = loaded;
        if (current == null || System.nanoTime() - current.at() > ttlNanos) {
            current = new Loaded<>(loader.get(), System.nanoTime());
            loaded = current;
        }
        return current.value();
    }

    public void invalidate() {
        loaded = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    loaded = null;
                }
            });
        }
    }
}
