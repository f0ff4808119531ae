package io.tessera.view;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;
import io.tessera.ticket.Ticket;

/**
 * Who looks and when: what "me", "my teams" and "7 days ago" mean when a condition is compiled or
 * evaluated. Not the visibility rule — that is {@link io.tessera.ticket.Visibility}, applied on top.
 * {@code customFields} gives a ticket's custom-field values for in-memory evaluation, as
 * {@link io.tessera.ticket.TicketFields#valuesOf(TicketId)} does (SQL reads them from the table instead);
 * {@code ticketFacts} the requester's tier and language and the SLA deadline for those conditions;
 * {@code businessHours} which calendars are open now.
 */
public record Perspective(AgentId me, Set<TeamId> myTeams, Instant now, Function<TicketId, Map<String, Object>> customFields,
                          Function<Ticket, TicketFacts> ticketFacts, BusinessHours businessHours) {

    public Perspective {
        myTeams = Set.copyOf(myTeams);
    }

    /** Without requester facts: evaluating a tier or language condition in memory is then a programming error. */
    public Perspective(AgentId me, Set<TeamId> myTeams, Instant now, Function<TicketId, Map<String, Object>> customFields) {
        this(me, myTeams, now, customFields, ticket -> {
            throw new IllegalStateException("This perspective has no requester facts");
        }, (calendar, at) -> false);
    }

    /** Is the calendar open at {@link #now()}? For the "business hours now" condition, in SQL and in memory alike. */
    boolean open(long calendarId) {
        return businessHours.open(calendarId, now);
    }

    /** Without custom-field values: evaluating a custom-field condition in memory is then a programming error. */
    public Perspective(AgentId me, Set<TeamId> myTeams, Instant now) {
        this(me, myTeams, now, ticket -> {
            throw new IllegalStateException("This perspective has no custom-field values");
        });
    }

    TicketFacts facts(Ticket ticket) {
        TicketFacts facts = ticketFacts.apply(ticket);
        return facts == null ? TicketFacts.NONE : facts;
    }

    Map<String, Object> fieldValues(Ticket ticket) {
        Map<String, Object> values = customFields.apply(ticket.id());
        return values == null ? Map.of() : values;
    }
}
