package io.tessera.sla;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Initiator;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketFields;
import io.tessera.view.Conditions;
import io.tessera.view.InvalidView;
import io.tessera.view.Perspective;
import io.tessera.view.RulePerspectives;

/**
 * Admin-defined SLA policies: create, change, enable or disable, reorder, delete; and which one applies
 * to a ticket (the first enabled one, in order, whose conditions match). Every change is audited; tickets
 * pick up a changed policy at their next change (docs/sla.md).
 */
@Service
@Transactional
public class SlaPolicies {

    private final SlaRepository repository;
    private final PolicyCache cache;
    private final TicketFields fields;
    private final RulePerspectives perspectives;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaPolicies(SlaRepository repository, PolicyCache cache, TicketFields fields, RulePerspectives perspectives,
                ApplicationEventPublisher events, Clock clock) {
        this.perspectives = perspectives;
        this.repository = repository;
        this.cache = cache;
        this.fields = fields;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SlaPolicy> list() {
        return repository.policies();
    }

    @Transactional(readOnly = true)
    public SlaPolicy get(long id) {
        return repository.policies().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new SlaNotFound("SLA policy", id));
    }

    /**
     * The policy that applies to the ticket as it is now, if any: the one a rule put it under, else the first
     * enabled one whose conditions match.
     */
    @Transactional(readOnly = true)
    public Optional<SlaPolicy> applicable(Ticket ticket) {
        List<SlaPolicy> all = cache.get().policies();
        if (all.isEmpty()) {
            return Optional.empty(); // no policy at all: no query on this hot path (every ticket change)
        }
        Optional<Long> pinned = repository.pinnedPolicy(ticket.id());
        if (pinned.isPresent()) {
            Optional<SlaPolicy> policy = all.stream().filter(p -> p.id() == pinned.get() && p.enabled()).findFirst();
            if (policy.isPresent()) {
                return policy;
            }
        }
        Perspective nobody = perspectives.of(null, clock.instant());
        return all.stream().filter(p -> p.enabled() && p.conditions().matches(ticket, nobody)).findFirst();
    }

    /**
     * Puts the ticket under this policy whatever the conditions say (a rule's "apply SLA policy"); its clocks
     * follow when the ticket's changes are handed to the rules, in the same transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void pin(io.tessera.shared.TicketId ticket, long policyId) {
        get(policyId);
        repository.pin(ticket, policyId, clock.instant());
    }

    public SlaPolicy create(SlaPolicyDraft draft, Initiator by) {
        Checked c = check(draft, null);
        long id = repository.insertPolicy(c.name, c.description, c.enabled, c.conditions, c.calendarId, c.warningMinutes,
                c.targets, clock.instant());
        cache.invalidate();
        events.publishEvent(new SlaChanged("sla.policy.created", "sla_policy", id, c.name, by));
        return get(id);
    }

    public SlaPolicy update(long id, SlaPolicyDraft draft, Initiator by) {
        Checked c = check(draft, id);
        if (!repository.updatePolicy(id, c.name, c.description, c.enabled, c.conditions, c.calendarId, c.warningMinutes,
                c.targets, clock.instant())) {
            throw new SlaNotFound("SLA policy", id);
        }
        cache.invalidate();
        events.publishEvent(new SlaChanged("sla.policy.updated", "sla_policy", id, c.name, by));
        return get(id);
    }

    public void delete(long id, Initiator by) {
        SlaPolicy policy = get(id);
        repository.deletePolicy(id);
        cache.invalidate();
        events.publishEvent(new SlaChanged("sla.policy.deleted", "sla_policy", id, policy.name(), by));
    }

    /** Puts the policies in the given order (the first that matches applies); every policy must be named once. */
    public List<SlaPolicy> reorder(List<Long> ids, Initiator by) {
        List<Long> existing = repository.policies().stream().map(SlaPolicy::id).sorted().toList();
        if (ids == null || !ids.stream().sorted().toList().equals(existing)) {
            throw new InvalidSla("ids", "Give every policy's id exactly once, in the order they should be tried.");
        }
        for (int i = 0; i < ids.size(); i++) {
            repository.position(ids.get(i), i + 1);
        }
        cache.invalidate();
        events.publishEvent(new SlaChanged("sla.policy.reordered", "sla_policy", null, ids.toString(), by));
        return repository.policies();
    }

    private record Checked(String name, String description, boolean enabled, Conditions conditions, Long calendarId,
                           int warningMinutes, List<SlaTarget> targets) {
    }

    private Checked check(SlaPolicyDraft draft, Long id) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidSla("name", "Give the policy a name of at most 200 characters.");
        }
        if (repository.policyNameTaken(name, id)) {
            throw new InvalidSla("name", "There is already a policy named '" + name + "'.");
        }
        String description = draft.description() == null || draft.description().isBlank() ? null : draft.description().strip();
        if (description != null && description.length() > 1000) {
            throw new InvalidSla("description", "Use at most 1,000 characters.");
        }
        Conditions conditions;
        try {
            conditions = Conditions.parse(draft.all() == null ? List.of() : draft.all(),
                    draft.any() == null ? List.of() : draft.any(), fields::match);
        } catch (InvalidView e) {
            throw new InvalidSla("conditions." + e.field(), e.getMessage());
        }
        if (draft.calendarId() != null && repository.calendar(draft.calendarId()).isEmpty()) {
            throw new InvalidSla("calendarId", "There is no calendar " + draft.calendarId() + ".");
        }
        int warning = draft.warningMinutes() == null ? 30 : draft.warningMinutes();
        if (warning < 0 || warning > 7 * 24 * 60) {
            throw new InvalidSla("warningMinutes", "Warn between 0 minutes and 7 days before a deadline.");
        }
        List<SlaPolicyDraft.TargetRow> rows = draft.targets() == null ? List.of() : draft.targets();
        if (rows.isEmpty()) {
            throw new InvalidSla("targets", "Give the policy at least one target.");
        }
        List<SlaTarget> targets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            String field = "targets[" + i + "]";
            if (row == null) {
                throw new InvalidSla(field, "A target needs a priority, a metric and minutes.");
            }
            Priority priority;
            try {
                priority = Priority.fromKey(row.priority());
            } catch (InvalidTicketChange e) {
                throw new InvalidSla(field + ".priority", "Unknown priority '" + row.priority() + "'. Use low, normal, high or urgent.");
            }
            SlaMetric metric = SlaMetric.fromKey(row.metric(), field + ".metric");
            if (row.minutes() == null || row.minutes() < 1 || row.minutes() > 365 * 24 * 60) {
                throw new InvalidSla(field + ".minutes", "Give the target in minutes, from 1 to a year.");
            }
            if (!seen.add(priority + "/" + metric)) {
                throw new InvalidSla(field, "There is already a " + metric.label().toLowerCase() + " target for "
                        + priority.key() + " tickets.");
            }
            boolean business = row.businessHours() == null ? draft.calendarId() != null : row.businessHours();
            if (business && draft.calendarId() == null) {
                throw new InvalidSla(field + ".businessHours", "A target in business hours needs the policy's calendarId.");
            }
            targets.add(new SlaTarget(priority, metric, row.minutes(), business));
        }
        return new Checked(name, description, draft.enabled() == null || draft.enabled(), conditions, draft.calendarId(),
                warning, targets);
    }
}
