package io.tessera.conversation;

import java.util.List;

import io.tessera.ticket.TicketChange;

/**
 * What an agent sends on a ticket, from the page or the API: a public reply or an internal note, its body
 * in {@code format} (Markdown as agents type it, or HTML an integration sends, sanitised when shown), the
 * property changes that go with it, and files already stored by {@link Attachments#store} to attach.
 */
public record AgentMessage(String body, BodyFormat format, boolean internal, List<TicketChange> changes,
                           List<Long> attachmentIds) {

    public AgentMessage {
        format = format == null ? BodyFormat.MARKDOWN : format;
        changes = changes == null ? List.of() : List.copyOf(changes);
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }
}
