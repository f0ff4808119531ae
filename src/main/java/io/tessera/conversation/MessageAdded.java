package io.tessera.conversation;

import java.util.Map;

import io.tessera.ticket.TicketEvent;

/** A message was added to a ticket. */
public record MessageAdded(long messageId, MessageKind kind) implements TicketEvent {

    public String type() {
        return "message_added";
    }

    public Map<String, Object> payload() {
        return Map.of("messageId", messageId, "kind", kind.name());
    }
}
