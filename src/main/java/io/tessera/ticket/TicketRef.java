package io.tessera.ticket;

import io.tessera.shared.TicketId;

/** A ticket's id and the number people see ({@code #1234}). */
public record TicketRef(TicketId id, long number) {

    public String display() {
        return "#" + number;
    }
}
