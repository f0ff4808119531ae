package io.tessera.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketActivity;
import io.tessera.ticket.TicketDeadlines;
import io.tessera.ticket.TicketEventRecorded;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketRules;
import io.tessera.ticket.TicketStatus;

/**
 * Keeps each ticket's SLA clocks in step with the ticket, inside the transaction that changed it (after
 * the triggers, so it sees the priority and team they set): starts the clocks when a policy applies,
 * achieves first and next response on an agent's public reply, starts next response on a customer's
 * message, pauses while the ticket is pending, on hold or solved, resumes when it is worked on again, and
 * recalculates the deadlines when the policy or the priority changes. It works from the ticket's state,
 * not from counting events, so running it again in a later round changes nothing.
 */
@Component
@Order(200)
class ClockKeeper implements TicketRules {

    /** The statuses in which the clock runs; pending and on-hold wait on someone else, solved is done. */
    private static final Set<TicketStatus> RUNNING = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN);

    private final TicketManagement tickets;
    private final SlaPolicies policies;
    private final PolicyCache cache;
    private final ClockRepository clocks;
    private final TicketDeadlines deadlines;
    private final Clock clock;

    ClockKeeper(TicketManagement tickets, SlaPolicies policies, PolicyCache cache, ClockRepository clocks,
                TicketDeadlines deadlines, Clock clock) {
        this.tickets = tickets;
        this.policies = policies;
        this.cache = cache;
        this.clocks = clocks;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void apply(TicketActivity activity) {
        if (!activity.events().isEmpty() && activity.events().stream().allMatch(e -> e.type().startsWith("sla_"))) {
            return; // The scanner's own warning or breach: the clocks are already as it left them.
        }
        keep(activity);
    }

    /** Brings a ticket's clocks in line with it without anything having happened: imports, demo data. */
    void recalculate(io.tessera.shared.TicketId ticket) {
        keep(new TicketActivity(ticket, java.util.List.of(), 0));
    }

    private void keep(TicketActivity activity) {
        Ticket ticket = tickets.get(activity.ticket());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what the database keeps
        Map<SlaMetric, SlaClock> before = clocks.of(ticket.id());
        Map<SlaMetric, SlaClock> after = new java.util.EnumMap<>(before);
        Optional<SlaPolicy> policy = policies.applicable(ticket);

        for (SlaMetric metric : SlaMetric.values()) {
            var target = policy.flatMap(p -> p.target(ticket.priority(), metric));
            SlaClock current = after.get(metric);
            if (target.isEmpty()) {
                // No target any more: an unfinished clock goes; a finished one stays for the reports.
                if (current != null && !current.achieved() && !current.breached()) {
                    after.remove(metric);
                }
                continue;
            }
            SlaPolicy p = policy.get();
            BusinessCalendar time = cache.timeOf(p.id(), target.get().businessHours());
            if (current == null) {
                if (startsNow(metric, ticket, activity)) {
                    Instant start = metric == SlaMetric.NEXT_RESPONSE ? now : ticket.createdAt();
                    after.put(metric, SlaClock.start(ticket.id(), metric, p.id(), target.get(), time, p.warningLead(), start));
                }
            } else if (!current.sameTarget(p.id(), target.get())) {
                after.put(metric, current.retarget(p.id(), target.get(), now,
                        cache.timeOf(current.policyId(), current.businessHours()), time, p.warningLead()));
            } else if (metric == SlaMetric.NEXT_RESPONSE && current.achieved() && customerWrote(activity)) {
                // A new question after the last answer: the next-response clock starts over.
                after.put(metric, SlaClock.start(ticket.id(), metric, p.id(), target.get(), time, p.warningLead(), now));
            }
        }
        if (agentReplied(activity)) {
            achieve(after, SlaMetric.FIRST_RESPONSE, now);
            achieve(after, SlaMetric.NEXT_RESPONSE, now);
        }
        for (var entry : after.entrySet()) {
            entry.setValue(followStatus(entry.getValue(), ticket.status(), now, policy));
        }

        boolean changed = false;
        for (SlaMetric metric : SlaMetric.values()) {
            SlaClock was = before.get(metric);
            SlaClock is = after.get(metric);
            if (is == null && was != null) {
                clocks.delete(ticket.id(), metric);
                changed = true;
            } else if (is != null && !is.equals(was)) {
                clocks.save(is);
                changed = true;
            }
        }
        if (changed) {
            // The earliest deadline among the running clocks (breached ones included), as just saved.
            deadlines.nextSlaDue(ticket.id(), after.values().stream().filter(SlaClock::running).map(SlaClock::dueAt)
                    .min(Instant::compareTo).orElse(null));
        }
    }

    /** The clock follows the status: runs while new or open, pauses otherwise; solving achieves resolution. */
    private SlaClock followStatus(SlaClock c, TicketStatus status, Instant now, Optional<SlaPolicy> policy) {
        BusinessCalendar time = cache.timeOf(c.policyId(), c.businessHours());
        var lead = policy.map(SlaPolicy::warningLead).orElse(java.time.Duration.ZERO);
        boolean solved = status == TicketStatus.SOLVED || status == TicketStatus.CLOSED;
        if (c.metric() == SlaMetric.RESOLUTION) {
            if (solved) {
                return c.achieve(now, time);
            }
            if (c.achieved()) {
                c = c.reopen(now, time, lead);
            }
        }
        return RUNNING.contains(status) ? c.resume(now, time, lead) : c.pause(now, time);
    }

    private void achieve(Map<SlaMetric, SlaClock> clocks, SlaMetric metric, Instant now) {
        SlaClock c = clocks.get(metric);
        if (c != null && !c.achieved()) {
            clocks.put(metric, c.achieve(now, cache.timeOf(c.policyId(), c.businessHours())));
        }
    }

    /**
     * Whether a missing clock starts now. First response and resolution start with the ticket (or when a
     * policy first applies to it, counted from its creation), unless already met; next response starts
     * when a customer writes after the first response.
     */
    private static boolean startsNow(SlaMetric metric, Ticket ticket, TicketActivity activity) {
        return switch (metric) {
            case FIRST_RESPONSE -> ticket.firstResponseAt() == null && !agentReplied(activity);
            case RESOLUTION -> ticket.status().unsolved();
            case NEXT_RESPONSE -> ticket.firstResponseAt() != null && !activity.created() && customerWrote(activity);
        };
    }

    private static boolean agentReplied(TicketActivity activity) {
        return activity.events().stream().anyMatch(e -> isMessage(e, "PUBLIC_REPLY") && "AGENT".equals(e.actorType()));
    }

    private static boolean customerWrote(TicketActivity activity) {
        return activity.events().stream().anyMatch(e -> isMessage(e, "CUSTOMER_MESSAGE"));
    }

    private static boolean isMessage(TicketEventRecorded e, String kind) {
        return "message_added".equals(e.type()) && kind.equals(e.text("kind"));
    }
}
