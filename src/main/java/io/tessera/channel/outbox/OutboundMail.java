package io.tessera.channel.outbox;

import java.time.Instant;
import java.util.List;

/** A row of the outbox, as the admin screen, the API and the sender read it. */
public record OutboundMail(long id, OutboundKind kind, Long ticketId, Long ticketNumber, Long messageRowId, String from,
                           List<String> to, List<String> cc, String subject, String messageId, String inReplyTo,
                           List<String> references, String text, String html, boolean automatic, OutboundStatus status,
                           int attempts, Instant nextAttemptAt, String lastError, Instant sentAt, Instant createdAt) {
}
