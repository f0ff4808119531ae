package io.tessera.conversation.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.tessera.conversation.Message;
import io.tessera.conversation.MessageKind;
import io.tessera.shared.Actor;
import io.tessera.ticket.LoggedEvent;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketStatus;

/**
 * The ticket page's timeline: messages interleaved with the changes from the event log, oldest first, each
 * change told as a sentence ("Aisha Bello changed priority from Normal to High"). Message events are left
 * out: the message itself is on the timeline.
 */
final class Timeline {

    /** One line of the timeline: either a message or a described change. */
    record Entry(Instant at, Message message, String who, String what) {
    }

    /** Display names the sentences need, looked up once per page. */
    record Names(Map<Long, String> agents, Map<Long, String> teams, Map<Long, String> customers,
                 Map<Long, String> customStatuses, Map<String, String> types, Map<Long, String> rules) {
    }

    private Timeline() {
    }

    static List<Entry> of(List<Message> messages, List<LoggedEvent> events, Names names) {
        List<Entry> entries = new ArrayList<>();
        messages.forEach(m -> entries.add(new Entry(m.createdAt(), m, m.authorName(), null)));
        for (LoggedEvent event : events) {
            String what = describe(event, names);
            if (what != null) {
                entries.add(new Entry(event.occurredAt(), null, who(event.actor(), names), what));
            }
        }
        // At the same instant a change comes first: it was decided before the message it came with was stored.
        entries.sort(Comparator.comparing(Entry::at).thenComparing(entry -> entry.message() != null));
        return entries;
    }

    /**
     * What happened since an agent opened the ticket, one sentence per event and oldest first, for the
     * collision warning: unlike the timeline it tells messages too ("Alan Turing replied"), since there the
     * message itself is not next to it.
     */
    static List<String> changesSince(List<LoggedEvent> events, Names names) {
        List<String> lines = new ArrayList<>();
        for (LoggedEvent event : events) {
            String what = "message_added".equals(event.type()) ? message(event.payload().get("kind")) : describe(event, names);
            if (what != null) {
                lines.add(who(event.actor(), names) + " " + what);
            }
        }
        return lines;
    }

    private static String message(Object kind) {
        if (MessageKind.INTERNAL_NOTE.name().equals(kind)) {
            return "added an internal note";
        }
        return MessageKind.PUBLIC_REPLY.name().equals(kind) ? "replied" : "wrote a message";
    }

    static String who(Actor actor, Names names) {
        return switch (actor.type()) {
            case AGENT -> names.agents().getOrDefault(actor.id(), "Agent #" + actor.id());
            case CUSTOMER -> names.customers().getOrDefault(actor.id(), "The customer");
            case RULE -> names.rules().getOrDefault(actor.id(), "Rule #" + actor.id());
            case SYSTEM -> "Tessera";
        };
    }

    private static String describe(LoggedEvent event, Names names) {
        Map<String, Object> p = event.payload();
        return switch (event.type()) {
            case "ticket_created" -> "created the ticket";
            case "status_changed" -> "changed status from " + status(p.get("from"), p.get("fromCustomStatusId"), names)
                    + " to " + status(p.get("to"), p.get("toCustomStatusId"), names);
            case "priority_changed" -> "changed priority from " + Priority.valueOf((String) p.get("from")).label()
                    + " to " + Priority.valueOf((String) p.get("to")).label();
            case "type_changed" -> "changed type from " + type(p.get("from"), names) + " to " + type(p.get("to"), names);
            case "assignee_changed" -> p.get("to") == null ? "unassigned the ticket"
                    : "assigned the ticket to " + name(names.agents(), p.get("to"), "an agent");
            case "team_changed" -> p.get("to") == null ? "removed the team"
                    : "moved the ticket to " + name(names.teams(), p.get("to"), "a team");
            case "subject_changed" -> "changed the subject to “" + p.get("to") + "”";
            case "tags_changed" -> tags(p);
            case "requester_changed" -> "changed the requester";
            case "field_changed" -> "changed " + p.get("label") + " from " + p.get("from") + " to " + p.get("to");
            case "message_added" -> null;
            case "sla_warning" -> "warned: the " + metric(p) + " SLA is due at " + p.get("dueAt");
            case "sla_breached" -> "recorded a breach: the " + metric(p) + " SLA was due at " + p.get("dueAt");
            case "attachment_quarantined" -> "quarantined " + p.get("fileName") + ": the virus scanner found "
                    + p.get("signature");
            default -> RelationSentences.describe(event);
        };
    }

    /** {@code FIRST_RESPONSE} → "first response" (the SLA module builds on this one, so no lookup there). */
    private static String metric(Map<String, Object> payload) {
        return String.valueOf(payload.get("metric")).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String status(Object category, Object customId, Names names) {
        if (customId instanceof Number id && names.customStatuses().containsKey(id.longValue())) {
            return names.customStatuses().get(id.longValue());
        }
        return TicketStatus.valueOf((String) category).label();
    }

    private static String type(Object key, Names names) {
        return key == null ? "none" : names.types().getOrDefault((String) key, (String) key);
    }

    private static String name(Map<Long, String> map, Object id, String fallback) {
        return id instanceof Number n ? map.getOrDefault(n.longValue(), fallback) : fallback;
    }

    @SuppressWarnings("unchecked")
    private static String tags(Map<String, Object> p) {
        List<String> added = (List<String>) p.getOrDefault("added", List.of());
        List<String> removed = (List<String>) p.getOrDefault("removed", List.of());
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("added tags " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed tags " + String.join(", ", removed));
        }
        return String.join(" and ", parts);
    }
}
