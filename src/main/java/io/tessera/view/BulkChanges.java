package io.tessera.view;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.Tags;

/**
 * What a bulk action changes, from the form or the API's text: blank means "leave as is"; an assignee is an
 * agent id, {@code me} or {@code none}; a team is an id or {@code none}. The result is the ticket module's
 * own typed changes, so every rule of a single edit applies to each ticket.
 */
public final class BulkChanges {

    private BulkChanges() {
    }

    public static List<TicketChange> parse(String status, String priority, String assignee, String team,
                                           Collection<String> addTags, Collection<String> removeTags, AgentId me) {
        List<TicketChange> changes = new ArrayList<>();
        if (present(status)) {
            changes.add(new TicketChange.SetStatus(convert("status", () -> TicketStatus.fromKey(status.strip()))));
        }
        if (present(priority)) {
            changes.add(new TicketChange.SetPriority(convert("priority", () -> Priority.fromKey(priority.strip()))));
        }
        if (present(team)) {
            changes.add(new TicketChange.SetTeam(Values.token(team, Values.NONE) ? null : TeamId.of(Values.id("team", team))));
        }
        if (present(assignee)) {
            AgentId to = Values.token(assignee, Values.NONE) ? null
                    : Values.token(assignee, Values.ME) ? me : AgentId.of(Values.id("assignee", assignee));
            changes.add(new TicketChange.Assign(to));
        }
        if (addTags != null && !addTags.isEmpty()) {
            changes.add(new TicketChange.AddTags(convert("addTags", () -> Tags.normalize(addTags))));
        }
        if (removeTags != null && !removeTags.isEmpty()) {
            changes.add(new TicketChange.RemoveTags(convert("removeTags", () -> Tags.normalize(removeTags))));
        }
        if (changes.isEmpty()) {
            throw new InvalidView("changes", "Choose at least one change.");
        }
        return changes;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static <T> T convert(String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidTicketChange e) {
            throw new InvalidView(field, e.getMessage());
        }
    }
}
