package io.tessera.conversation.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;
import io.tessera.ticket.CustomStatuses;
import io.tessera.ticket.CustomStatuses.CustomStatus;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketStatus;

/**
 * Reads the ticket properties of a request (PATCH, or a message with changes) into the typed
 * {@link TicketChange}s the UI uses too, so rules and events are the same whichever way a change comes.
 */
@Component
class TicketChanges {

    /** The property fields; a request may add its own (version, body…). */
    static final Set<String> FIELDS = Set.of("subject", "status", "customStatusId", "priority", "type", "team",
            "assignee", "tags", "addTags", "removeTags", "customFields");

    private final CustomStatuses statuses;

    TicketChanges(CustomStatuses statuses) {
        this.statuses = statuses;
    }

    List<TicketChange> of(RequestFields fields) {
        List<TicketChange> changes = new ArrayList<>();
        if (fields.has("subject")) {
            changes.add(new TicketChange.Rename(fields.text("subject")));
        }
        if (fields.has("status") || fields.has("customStatusId")) {
            changes.add(status(fields));
        }
        if (fields.has("priority")) {
            String priority = fields.text("priority");
            if (priority == null) {
                throw new InvalidRequest("priority", "priority cannot be null; use low, normal, high or urgent.");
            }
            changes.add(new TicketChange.SetPriority(Priority.fromKey(priority)));
        }
        if (fields.has("type")) {
            changes.add(new TicketChange.SetType(fields.text("type")));
        }
        if (fields.has("team")) {
            Long team = fields.id("team");
            changes.add(new TicketChange.SetTeam(team == null ? null : TeamId.of(team)));
        }
        if (fields.has("assignee")) {
            Long assignee = fields.id("assignee");
            changes.add(new TicketChange.Assign(assignee == null ? null : AgentId.of(assignee)));
        }
        if (fields.has("tags")) {
            changes.add(new TicketChange.SetTags(fields.tags("tags")));
        }
        if (fields.has("addTags")) {
            changes.add(new TicketChange.AddTags(fields.tags("addTags")));
        }
        if (fields.has("removeTags")) {
            changes.add(new TicketChange.RemoveTags(fields.tags("removeTags")));
        }
        changes.addAll(customFields(fields));
        return changes;
    }

    /**
     * {@code customFields} as one change per field key; the ticket module checks each value against its
     * field's type (and refuses an unknown key), naming {@code customFields.<key>}. {@code null} clears a value.
     */
    static List<TicketChange.SetField> customFields(RequestFields fields) {
        Map<String, Object> values = fields.map("customFields");
        List<TicketChange.SetField> changes = new ArrayList<>();
        values.forEach((key, value) -> changes.add(new TicketChange.SetField(key, value)));
        return changes;
    }

    /**
     * {@code status} is a category key ({@code open}, {@code on-hold}, …) or the name of an active custom
     * status; {@code customStatusId} names a custom status by id (with {@code status}, they must agree).
     */
    TicketChange.SetStatus status(RequestFields fields) {
        String typed = fields.text("status");
        Long customId = fields.id("customStatusId");
        if (customId != null) {
            CustomStatus custom = statuses.find(customId).filter(CustomStatus::active)
                    .orElseThrow(() -> new InvalidRequest("customStatusId", "Unknown custom status " + customId + "."));
            if (typed != null && category(typed) != custom.category()) {
                throw new InvalidRequest("status", "Custom status '" + custom.name() + "' is in category "
                        + custom.category().key() + ", not " + typed + ".");
            }
            return new TicketChange.SetStatus(custom.category(), custom.id());
        }
        if (typed == null) {
            throw new InvalidRequest("status", "status cannot be null.");
        }
        TicketStatus category = category(typed);
        if (category != null) {
            return new TicketChange.SetStatus(category);
        }
        return statuses.all().stream()
                .filter(s -> s.active() && s.name().equalsIgnoreCase(typed.strip()))
                .findFirst()
                .map(s -> new TicketChange.SetStatus(s.category(), s.id()))
                .orElseThrow(() -> new InvalidRequest("status", "Unknown status '" + typed + "'. Use new, open, "
                        + "pending, on-hold, solved, closed, or the name of a custom status."));
    }

    private static TicketStatus category(String typed) {
        for (TicketStatus status : TicketStatus.values()) {
            if (status.key().equalsIgnoreCase(typed.strip()) || status.name().equalsIgnoreCase(typed.strip())) {
                return status;
            }
        }
        return null;
    }
}
