package io.tessera.automation;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.HostPolicy;
import io.tessera.shared.Initiator;
import io.tessera.ticket.TicketFields;

/**
 * Admin-defined time-based automations: create, change, enable or disable, reorder, delete, try one
 * against a ticket, and run them now. Every change is audited; {@link AutomationRunner} runs them on its
 * schedule.
 */
@Service
@Transactional
public class Automations {

    private final AutomationRepository repository;
    private final AutomationRunner runner;
    private final TicketFields fields;
    private final RuleEvaluation evaluation;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HostPolicy hosts;

    Automations(AutomationRepository repository, AutomationRunner runner, TicketFields fields,
                RuleEvaluation evaluation, ApplicationEventPublisher events, Clock clock, HostPolicy hosts) {
        this.repository = repository;
        this.runner = runner;
        this.fields = fields;
        this.evaluation = evaluation;
        this.events = events;
        this.clock = clock;
        this.hosts = hosts;
    }

    @Transactional(readOnly = true)
    public List<Automation> list() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Automation get(long id) {
        return repository.find(id).orElseThrow(() -> new RuleNotFound(id));
    }

    public Automation create(AutomationDraft draft, Initiator by) {
        Checked c = check(draft);
        long id = repository.insert(c.name, c.description, c.enabled, c.conditions, c.actions, clock.instant());
        events.publishEvent(new RulesChanged("automation.created", id, c.name, by));
        return get(id);
    }

    public Automation update(long id, AutomationDraft draft, Initiator by) {
        Checked c = check(draft);
        if (!repository.update(id, c.name, c.description, c.enabled, c.conditions, c.actions, clock.instant())) {
            throw new RuleNotFound(id);
        }
        events.publishEvent(new RulesChanged("automation.updated", id, c.name, by));
        return get(id);
    }

    public void delete(long id, Initiator by) {
        Automation automation = get(id);
        repository.delete(id);
        events.publishEvent(new RulesChanged("automation.deleted", id, automation.name(), by));
    }

    /** Puts the automations in the order they run in; every automation must be named once. */
    public List<Automation> reorder(List<Long> ids, Initiator by) {
        RuleEvaluation.checkOrder(repository.all().stream().map(Automation::id).toList(), ids, "automation");
        for (int i = 0; i < ids.size(); i++) {
            repository.position(ids.get(i), i + 1);
        }
        events.publishEvent(new RulesChanged("automation.reordered", null, ids.toString(), by));
        return repository.all();
    }

    /** Whether the automation would act on ticket {@code number} now and what it would do; changes nothing. */
    @Transactional(readOnly = true)
    public RulePreview test(long id, long number) {
        Automation automation = get(id);
        return evaluation.preview(automation.conditions(), automation.actions(), number);
    }

    /** Runs every enabled automation now, as the schedule does; returns on how many tickets they acted. */
    @Transactional(propagation = Propagation.NEVER)
    public int runNow() {
        return runner.runAll();
    }

    private record Checked(String name, String description, boolean enabled, io.tessera.view.Conditions conditions,
                           List<RuleAction> actions) {
    }

    private Checked check(AutomationDraft draft) {
        var conditions = RuleChecks.conditions(draft.all(), draft.any(), fields);
        if (conditions.all().isEmpty() && conditions.any().isEmpty()) {
            // Without conditions an automation would act on every ticket ever created.
            throw new InvalidRule("conditions", "Give the automation at least one condition, such as status and an age.");
        }
        return new Checked(RuleChecks.name(draft.name(), "automation"), RuleChecks.description(draft.description()),
                draft.enabled() == null || draft.enabled(), conditions, RuleChecks.actions(draft.actions(), "automation", hosts));
    }
}
