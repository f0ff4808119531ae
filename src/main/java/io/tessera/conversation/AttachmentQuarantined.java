package io.tessera.conversation;

import java.util.Map;

import io.tessera.ticket.TicketEvent;

/**
 * The virus scanner found {@code signature} in a file on the ticket, which is kept but never served. The
 * file name is stored as it was, so the timeline can name it without a lookup.
 */
public record AttachmentQuarantined(long attachmentId, String fileName, String signature) implements TicketEvent {

    public String type() {
        return "attachment_quarantined";
    }

    public Map<String, Object> payload() {
        return Map.of("attachmentId", attachmentId, "fileName", fileName, "signature", signature);
    }
}
