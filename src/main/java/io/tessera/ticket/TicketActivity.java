package io.tessera.ticket;

import java.util.List;

import io.tessera.shared.Actor;
import io.tessera.shared.TicketId;

/**
 * What happened to one ticket in one round of a transaction: its new events in order. Round 0 holds what
 * people and channels did; later rounds hold what rules did in reply, each event naming its rule as actor
 * (the loop guard of docs/rules.md reads them).
 */
public record TicketActivity(TicketId ticket, List<TicketEventRecorded> events, int round) {

    public TicketActivity {
        events = List.copyOf(events);
    }

    public boolean created() {
        return events.stream().anyMatch(e -> "ticket_created".equals(e.type()));
    }

    /** A message of the given kind ({@code CUSTOMER_MESSAGE}, {@code PUBLIC_REPLY}, {@code INTERNAL_NOTE}) was added. */
    public boolean messageAdded(String kind) {
        return events.stream().anyMatch(e -> "message_added".equals(e.type()) && kind.equals(e.text("kind")));
    }

    /** Some property changed (not just a message added, the ticket created or an SLA clock firing). */
    public boolean changed() {
        return events.stream().anyMatch(e -> !"ticket_created".equals(e.type()) && !"message_added".equals(e.type())
                && !e.type().startsWith("sla_"));
    }

    /** An event of this type happened in the round (e.g. {@code sla_breached}). */
    public boolean has(String type) {
        return events.stream().anyMatch(e -> type.equals(e.type()));
    }

    /** Every event of this round was caused by {@code actor}. */
    public boolean onlyBy(Actor actor) {
        return !events.isEmpty() && events.stream().allMatch(e -> actor.equals(e.actor()));
    }

    /** Who caused the round's first event: the person or channel for round 0. */
    public Actor actor() {
        return events.get(0).actor();
    }
}
