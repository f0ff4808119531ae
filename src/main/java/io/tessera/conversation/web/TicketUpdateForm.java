package io.tessera.conversation.web;

import java.util.ArrayList;
import java.util.List;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Tags;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketStatus;

/**
 * The ticket page's one form, as typed: an optional reply or note and the ticket's properties. It carries
 * the version and the last event the agent saw, so a submit after someone else's change is caught and
 * shown instead of overwriting it. {@code status} is a category ({@code OPEN}) or a custom status
 * ({@code custom-7}).
 */
record TicketUpdateForm(Integer version, Long seenEventId, String body, String mode, String status, String priority,
                        String type, Long teamId, Long assigneeId, String tags, String subject) {

    static TicketUpdateForm of(Ticket ticket, long seenEventId) {
        String status = ticket.customStatusId() == null ? ticket.status().name() : "custom-" + ticket.customStatusId();
        return new TicketUpdateForm(ticket.version(), seenEventId, "", "reply", status, ticket.priority().name(),
                ticket.type(), ticket.team() == null ? null : ticket.team().value(),
                ticket.assignee() == null ? null : ticket.assignee().value(), String.join(" ", ticket.tags()),
                ticket.subject());
    }

    boolean hasMessage() {
        return body != null && !body.isBlank();
    }

    public boolean isNote() {
        return "note".equals(mode);
    }

    /** The property changes this form asks for; the aggregate ignores the ones that change nothing. */
    List<TicketChange> changes(java.util.function.LongFunction<TicketStatus> categoryOfCustomStatus) {
        TypedText.text("body", body);
        TypedText.line("subject", subject);
        List<TicketChange> changes = new ArrayList<>();
        if (subject != null) {
            changes.add(new TicketChange.Rename(subject));
        }
        if (status != null && !status.isBlank()) {
            if (status.startsWith("custom-")) {
                long id = Long.parseLong(status.substring("custom-".length()));
                changes.add(new TicketChange.SetStatus(categoryOfCustomStatus.apply(id), id));
            } else {
                changes.add(new TicketChange.SetStatus(TicketStatus.fromKey(status)));
            }
        }
        if (priority != null && !priority.isBlank()) {
            changes.add(new TicketChange.SetPriority(Priority.fromKey(priority)));
        }
        changes.add(new TicketChange.SetType(type == null || type.isBlank() ? null : type));
        changes.add(new TicketChange.SetTeam(teamId == null ? null : TeamId.of(teamId)));
        changes.add(new TicketChange.Assign(assigneeId == null ? null : AgentId.of(assigneeId)));
        if (tags != null) {
            changes.add(new TicketChange.SetTags(Tags.parse(tags)));
        }
        return changes;
    }
}
