package io.tessera.conversation.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tessera.conversation.BodyFormat;
import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;
import io.tessera.ticket.Channel;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketChange;

/**
 * {@code POST /api/v1/tickets} as read and checked: the first message is the requester's request, in
 * Markdown ({@code body}) or HTML ({@code html}); the requester is an existing customer ({@code id}) or
 * found or created by {@code email}.
 */
record NewTicketRequest(String subject, String body, BodyFormat format, Long requesterId, String requesterEmail,
                        String requesterName, Priority priority, String type, Set<String> tags,
                        TicketChange.SetStatus status, TeamId team, AgentId assignee, Channel channel,
                        List<TicketChange.SetField> customFields) {

    static final Set<String> FIELDS = Set.of("subject", "body", "html", "requester", "priority", "type", "tags",
            "status", "customStatusId", "team", "assignee", "channel", "customFields");
    static final Set<String> REQUESTER_FIELDS = Set.of("id", "email", "name");

    static NewTicketRequest read(Map<String, Object> json, TicketChanges changes) {
        RequestFields fields = RequestFields.of(json, FIELDS);
        List<InvalidRequest.FieldError> missing = new ArrayList<>();
        String subject = fields.text("subject");
        if (subject == null || subject.isBlank()) {
            missing.add(new InvalidRequest.FieldError("subject", "A ticket needs a subject."));
        }
        Message message = message(fields, missing);
        Long requesterId = null;
        String email = null;
        String name = null;
        if (!fields.has("requester")) {
            missing.add(new InvalidRequest.FieldError("requester", "Give the requester as {\"email\", \"name\"} or {\"id\"}."));
        } else {
            RequestFields requester = fields.object("requester", REQUESTER_FIELDS);
            requesterId = requester.id("id");
            email = requester.text("email");
            name = requester.text("name");
            if (requesterId == null && (email == null || email.isBlank())) {
                missing.add(new InvalidRequest.FieldError("requester.email", "Give the requester's email address (or their id)."));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequest(missing);
        }
        String priority = fields.text("priority");
        String channel = fields.text("channel");
        Long team = fields.id("team");
        Long assignee = fields.id("assignee");
        return new NewTicketRequest(subject, message.text(), message.format(), requesterId, email, name,
                priority == null ? Priority.NORMAL : Priority.fromKey(priority), fields.text("type"), fields.tags("tags"),
                fields.has("status") || fields.has("customStatusId") ? changes.status(fields) : null,
                team == null ? null : TeamId.of(team), assignee == null ? null : AgentId.of(assignee),
                channel == null ? Channel.API : Channel.fromKey(channel), TicketChanges.customFields(fields));
    }

    record Message(String text, BodyFormat format) {
    }

    /** {@code body} (Markdown) or {@code html}: exactly one. Shared by tickets and messages. */
    static Message message(RequestFields fields, List<InvalidRequest.FieldError> errors) {
        String body = fields.text("body");
        String html = fields.text("html");
        if (body != null && html != null) {
            errors.add(new InvalidRequest.FieldError("body", "Give body (Markdown) or html, not both."));
            return new Message(null, null);
        }
        if ((body == null || body.isBlank()) && (html == null || html.isBlank())) {
            errors.add(new InvalidRequest.FieldError("body", "Write a message: body (Markdown) or html."));
            return new Message(null, null);
        }
        return body != null ? new Message(body, BodyFormat.MARKDOWN) : new Message(html, BodyFormat.HTML);
    }
}
