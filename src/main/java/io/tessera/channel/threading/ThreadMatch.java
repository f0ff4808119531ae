package io.tessera.channel.threading;

import io.tessera.ticket.Ticket;

/**
 * The ticket a reply belongs to and which threading rule found it (for the processing log and the admin
 * screen).
 */
public record ThreadMatch(Ticket ticket, Rule rule) {

    public enum Rule {
        /** Our signed Message-ID in In-Reply-To or References. */
        SIGNED_MESSAGE_ID,
        /** A Message-ID we stored for the ticket, in In-Reply-To or References. */
        STORED_MESSAGE_ID,
        /** {@code [#1234]} in the subject, from someone on the ticket. */
        SUBJECT_TAG
    }
}
