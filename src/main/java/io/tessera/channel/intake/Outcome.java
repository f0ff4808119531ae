package io.tessera.channel.intake;

import io.tessera.shared.TicketId;

/**
 * What processing made of a stored message.
 *
 * @param status         PROCESSED (it is on {@code ticket}) or IGNORED (kept, deliberately no ticket)
 * @param ticket         the ticket it landed on, or {@code null}
 * @param classification NORMAL, AUTO_REPLY, BOUNCE, REPORT or LOOP
 * @param note           why, in words, for the admin screen (e.g. the threading rule that matched)
 */
record Outcome(String status, TicketId ticket, String classification, String note) {

    static Outcome onTicket(TicketId ticket, String classification, String note) {
        return new Outcome("PROCESSED", ticket, classification, note);
    }

    static Outcome ignored(String classification, String note) {
        return new Outcome("IGNORED", null, classification, note);
    }
}
