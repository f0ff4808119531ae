package io.tessera.channel.intake;

import java.time.Instant;

/**
 * A stored received message as the admin screen and the API list it (without its bytes).
 *
 * @param duplicates         how often this very message arrived again (same Message-ID and content), counted, not stored
 * @param lastDuplicateAt    when it last did, or {@code null}
 * @param reusesMessageIdOf  the first stored mail with the same Message-ID but other content, or {@code null}: this
 *                           mail reuses an id, which admins should know (a careless client, or an imitation)
 */
public record InboundMail(long id, MailSource source, Long mailboxId, String messageId, String recipient, String from,
                          String subject, long sizeBytes, boolean oversized, String status, int attempts, String error,
                          String classification, Long ticketId, Long ticketNumber, Instant receivedAt,
                          Instant processedAt, int duplicates, Instant lastDuplicateAt, Long reusesMessageIdOf) {
}
