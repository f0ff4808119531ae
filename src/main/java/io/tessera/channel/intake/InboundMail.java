package io.tessera.channel.intake;

import java.time.Instant;

/** A stored received message as the admin screen and the API list it (without its bytes). */
public record InboundMail(long id, MailSource source, Long mailboxId, String messageId, String recipient, String from,
                          String subject, long sizeBytes, boolean oversized, String status, int attempts, String error,
                          String classification, Long ticketId, Long ticketNumber, Instant receivedAt,
                          Instant processedAt) {
}
