package io.tessera.ticket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ticket's own events, as stored in the ticket event log. Payloads hold ids and keys (never display
 * names, which change); the timeline resolves names when it shows them.
 */
public final class TicketEvents {

    private TicketEvents() {
    }

    public record TicketCreated(String subject, TicketStatus status, Priority priority, Channel channel,
                                Long requesterId, Long teamId, Long assigneeId) implements TicketEvent {
        public String type() {
            return "ticket_created";
        }

        public Map<String, Object> payload() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("subject", subject);
            values.put("status", status.name());
            values.put("priority", priority.name());
            values.put("channel", channel.name());
            values.put("requesterId", requesterId);
            values.put("teamId", teamId);
            values.put("assigneeId", assigneeId);
            return values;
        }
    }

    /** Category and custom status before and after; a custom status id is {@code null} for the category's own. */
    public record StatusChanged(TicketStatus from, TicketStatus to, Long fromCustomStatusId, Long toCustomStatusId)
            implements TicketEvent {

        public StatusChanged(TicketStatus from, TicketStatus to) {
            this(from, to, null, null);
        }

        public String type() {
            return "status_changed";
        }

        public Map<String, Object> payload() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("from", from.name());
            values.put("to", to.name());
            values.put("fromCustomStatusId", fromCustomStatusId);
            values.put("toCustomStatusId", toCustomStatusId);
            return values;
        }
    }

    public record PriorityChanged(Priority from, Priority to) implements TicketEvent {
        public String type() {
            return "priority_changed";
        }

        public Map<String, Object> payload() {
            return Map.of("from", from.name(), "to", to.name());
        }
    }

    public record TypeChanged(String from, String to) implements TicketEvent {
        public String type() {
            return "type_changed";
        }

        public Map<String, Object> payload() {
            return nullable("from", from, "to", to);
        }
    }

    public record AssigneeChanged(Long from, Long to) implements TicketEvent {
        public String type() {
            return "assignee_changed";
        }

        public Map<String, Object> payload() {
            return nullable("from", from, "to", to);
        }
    }

    public record TeamChanged(Long from, Long to) implements TicketEvent {
        public String type() {
            return "team_changed";
        }

        public Map<String, Object> payload() {
            return nullable("from", from, "to", to);
        }
    }

    public record SubjectChanged(String from, String to) implements TicketEvent {
        public String type() {
            return "subject_changed";
        }

        public Map<String, Object> payload() {
            return Map.of("from", from, "to", to);
        }
    }

    public record TagsChanged(List<String> added, List<String> removed) implements TicketEvent {
        public String type() {
            return "tags_changed";
        }

        public Map<String, Object> payload() {
            return Map.of("added", added, "removed", removed);
        }
    }

    private static Map<String, Object> nullable(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(k1, v1);
        values.put(k2, v2);
        return values;
    }
}
