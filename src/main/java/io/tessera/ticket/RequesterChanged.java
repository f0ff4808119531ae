package io.tessera.ticket;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ticket's requester changed, e.g. because the requester was merged into another customer. */
public record RequesterChanged(long fromCustomerId, long toCustomerId) implements TicketEvent {

    public String type() {
        return "requester_changed";
    }

    public Map<String, Object> payload() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("from", fromCustomerId);
        values.put("to", toCustomerId);
        return values;
    }
}
