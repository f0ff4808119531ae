package io.tessera.automation;

import java.util.List;

import org.springframework.stereotype.Component;

import io.tessera.shared.ReloadingCache;

/** The enabled triggers in order, parsed once and kept for a few seconds (see {@link ReloadingCache}). */
@Component
class TriggerCache {

    private final ReloadingCache<List<Trigger>> enabled;

    TriggerCache(TriggerRepository repository) {
        this.enabled = new ReloadingCache<>(() -> repository.all().stream().filter(Trigger::enabled).toList(), 10);
    }

    List<Trigger> enabled() {
        return enabled.get();
    }

    void invalidate() {
        enabled.invalidate();
    }
}
