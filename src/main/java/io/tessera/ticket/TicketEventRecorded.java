package io.tessera.ticket;

import java.time.Instant;
import java.util.Map;

import io.tessera.shared.Actor;
import io.tessera.shared.TicketId;

/**
 * Published for every event appended to the ticket event log while a ticket is being worked (not for
 * imported history): the change feed other modules react to after commit — live updates on open ticket
 * pages, notifications. Flat fields (no {@link Actor} or typed ids) so the event publication registry can
 * store it as JSON and read it back to retry a listener.
 *
 * @param eventId the row in {@code ticket_event}, increasing per ticket
 * @param type    the logged event type, e.g. {@code message_added}, {@code assignee_changed}
 * @param payload the logged payload (ids and keys, see docs/tickets.md)
 */
public record TicketEventRecorded(long ticketId, long eventId, String type, String actorType, Long actorId,
                                  Map<String, Object> payload, Instant occurredAt) {

    static TicketEventRecorded of(TicketId ticket, long eventId, TicketEvent event, Actor actor, Instant at) {
        return new TicketEventRecorded(ticket.value(), eventId, event.type(), actor.type().name(), actor.id(),
                event.payload(), at);
    }

    public TicketId ticket() {
        return TicketId.of(ticketId);
    }

    public Actor actor() {
        return Actor.of(Actor.Type.valueOf(actorType), actorId);
    }

    /** A number in the payload as a long (JSON read back may give an Integer), or {@code null}. */
    public Long longValue(String key) {
        Object value = payload == null ? null : payload.get(key);
        return value instanceof Number number ? number.longValue() : null;
    }

    /** A text in the payload, or {@code null}. */
    public String text(String key) {
        Object value = payload == null ? null : payload.get(key);
        return value == null ? null : value.toString();
    }
}
