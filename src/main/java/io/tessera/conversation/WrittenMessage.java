package io.tessera.conversation;

import io.tessera.ticket.Ticket;

/** A message just saved and the ticket as it is after it (version, status). */
public record WrittenMessage(long messageId, Ticket ticket) {
}
