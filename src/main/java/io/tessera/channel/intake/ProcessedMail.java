package io.tessera.channel.intake;

/**
 * The result of processing one stored message.
 *
 * @param status   PROCESSED, IGNORED or FAILED
 * @param ticketId the ticket it landed on, or {@code null}
 * @param note     what happened (or the error), in words
 */
public record ProcessedMail(long id, String status, Long ticketId, String note) {
}
