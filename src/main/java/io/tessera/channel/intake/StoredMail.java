package io.tessera.channel.intake;

/**
 * The row a received message is kept in.
 *
 * @param id        the {@code inbound_mail} row
 * @param duplicate whether the message had been stored before (same mailbox and UID, or same Message-ID):
 *                  the caller acknowledges it as usual, nothing new happens
 */
public record StoredMail(long id, boolean duplicate) {
}
