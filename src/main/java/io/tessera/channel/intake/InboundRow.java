package io.tessera.channel.intake;

import io.tessera.shared.TeamId;

/** A stored message claimed for processing. */
record InboundRow(long id, MailSource source, Long mailboxId, String recipient, TeamId team, byte[] raw,
                  boolean oversized) {
}
