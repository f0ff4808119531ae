package io.tessera.conversation.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.tessera.conversation.MessageKind;
import io.tessera.conversation.api.ApiJson.ActorResponse;
import io.tessera.conversation.api.ApiJson.EventResponse;
import io.tessera.shared.Actor;
import io.tessera.ticket.ActorNames;
import io.tessera.ticket.Channel;
import io.tessera.ticket.LoggedEvent;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketStatus;

/**
 * Events of the log as the API shows them: the stored payload with enum names turned into the API's keys
 * ({@code ON_HOLD} → {@code on-hold}, {@code INTERNAL_NOTE} → {@code internal}), so {@code data} speaks the
 * same language as the ticket JSON; actors' names are read for the whole page at once.
 */
@Component
class EventJson {

    private static final Set<String> STATUS_KEYS = Set.of("status", "from", "to");

    private final ActorNames names;

    EventJson(ActorNames names) {
        this.names = names;
    }

    List<EventResponse> of(List<LoggedEvent> events) {
        Map<Actor, String> actorNames = names.of(events.stream().map(LoggedEvent::actor).distinct().toList());
        return events.stream()
                .map(e -> new EventResponse(e.id(), e.type(), new ActorResponse(e.actor().type().name().toLowerCase(),
                        e.actor().id(), actorNames.get(e.actor())), data(e), e.occurredAt()))
                .toList();
    }

    private static Map<String, Object> data(LoggedEvent event) {
        Map<String, Object> data = new LinkedHashMap<>(event.payload());
        String type = event.type();
        data.replaceAll((key, value) -> {
            if (!(value instanceof String s)) {
                return value;
            }
            if (("status_changed".equals(type) && STATUS_KEYS.contains(key)) || ("ticket_created".equals(type) && "status".equals(key))) {
                return key(() -> TicketStatus.valueOf(s).key(), s);
            }
            if ("priority".equals(key) || ("priority_changed".equals(type) && STATUS_KEYS.contains(key))) {
                return key(() -> Priority.valueOf(s).key(), s);
            }
            if ("channel".equals(key)) {
                return key(() -> Channel.valueOf(s).key(), s);
            }
            if ("message_added".equals(type) && "kind".equals(key)) {
                return key(() -> MessageJson.kind(MessageKind.valueOf(s)), s);
            }
            return value;
        });
        return data;
    }

    /** The API key of a stored enum name; an unknown name (written by a newer version) stays as stored. */
    private static String key(java.util.function.Supplier<String> key, String stored) {
        try {
            return key.get();
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }
}
