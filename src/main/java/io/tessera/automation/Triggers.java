package io.tessera.automation;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.context.ApplicationEventPublisher;
import io.tessera.shared.HostPolicy;
import io.tessera.shared.Initiator;
import io.tessera.ticket.TicketFields;
import io.tessera.view.Conditions;

/**
 * Admin-defined triggers: create, change, enable or disable, reorder, delete, and try one against a ticket
 * without changing it. Every change is audited. Running them is {@link TriggerRunner}'s business.
 */
@Service
@Transactional
public class Triggers {

    private final TriggerRepository repository;
    private final TriggerCache cache;
    private final TicketFields fields;
    private final RuleEvaluation evaluation;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HostPolicy hosts;

    Triggers(TriggerRepository repository, TriggerCache cache, TicketFields fields, RuleEvaluation evaluation,
             ApplicationEventPublisher events, Clock clock, HostPolicy hosts) {
        this.repository = repository;
        this.cache = cache;
        this.fields = fields;
        this.evaluation = evaluation;
        this.events = events;
        this.clock = clock;
        this.hosts = hosts;
    }

    @Transactional(readOnly = true)
    public List<Trigger> list() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Trigger get(long id) {
        return repository.find(id).orElseThrow(() -> new RuleNotFound(id));
    }

    public Trigger create(TriggerDraft draft, Initiator by) {
        Checked checked = check(draft);
        long id = repository.insert(checked.name, checked.description, checked.enabled, checked.events, checked.conditions,
                checked.actions, clock.instant());
        cache.invalidate();
        events.publishEvent(new RulesChanged("trigger.created", id, checked.name, by));
        return get(id);
    }

    public Trigger update(long id, TriggerDraft draft, Initiator by) {
        Checked checked = check(draft);
        if (!repository.update(id, checked.name, checked.description, checked.enabled, checked.events, checked.conditions,
                checked.actions, clock.instant())) {
            throw new RuleNotFound(id);
        }
        cache.invalidate();
        events.publishEvent(new RulesChanged("trigger.updated", id, checked.name, by));
        return get(id);
    }

    public void delete(long id, Initiator by) {
        Trigger trigger = get(id);
        repository.delete(id);
        cache.invalidate();
        events.publishEvent(new RulesChanged("trigger.deleted", id, trigger.name(), by));
    }

    /** Puts the triggers in the given order; every trigger must be named once. */
    public List<Trigger> reorder(List<Long> ids, Initiator by) {
        RuleEvaluation.checkOrder(repository.all().stream().map(Trigger::id).toList(), ids, "trigger");
        for (int i = 0; i < ids.size(); i++) {
            repository.position(ids.get(i), i + 1);
        }
        cache.invalidate();
        events.publishEvent(new RulesChanged("trigger.reordered", null, ids.toString(), by));
        return repository.all();
    }

    /** What the trigger would do to ticket {@code number} now, changing nothing (the builder's "test" button). */
    @Transactional(readOnly = true)
    public RulePreview test(long id, long number) {
        Trigger trigger = get(id);
        return evaluation.preview(trigger.conditions(), trigger.actions(), number);
    }

    private record Checked(String name, String description, boolean enabled, Set<TriggerEvent> events,
                           Conditions conditions, List<RuleAction> actions) {
    }

    private Checked check(TriggerDraft draft) {
        return new Checked(RuleChecks.name(draft.name(), "trigger"), RuleChecks.description(draft.description()),
                draft.enabled() == null || draft.enabled(), draft.parsedEvents(),
                RuleChecks.conditions(draft.all(), draft.any(), fields), RuleChecks.actions(draft.actions(), "trigger", hosts));
    }
}
