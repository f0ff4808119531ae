package io.tessera.automation;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.tessera.ticket.RuleNames;

/** Rule names for the timeline ("Route billing" changed the team). */
@Component
class TriggerNames implements RuleNames {

    private final TriggerRepository repository;

    TriggerNames(TriggerRepository repository) {
        this.repository = repository;
    }

    @Override
    public Map<Long, String> all() {
        return repository.names();
    }
}
