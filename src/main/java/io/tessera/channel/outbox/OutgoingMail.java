package io.tessera.channel.outbox;

import java.util.List;

import io.tessera.shared.TicketId;

/**
 * A mail to queue: everything the sender needs except files, which it reads from the message's
 * attachments when it sends.
 *
 * @param from       the full From ({@code "Name" <address>})
 * @param messageId  our Message-ID, without angle brackets ({@code MessageIdTokens})
 * @param references oldest first, without angle brackets
 * @param html       the HTML alternative, or {@code null} for text only
 */
public record OutgoingMail(OutboundKind kind, TicketId ticket, Long messageRowId, String from, List<String> to,
                           List<String> cc, String subject, String messageId, String inReplyTo,
                           List<String> references, String text, String html) {

    public OutgoingMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
    }
}
