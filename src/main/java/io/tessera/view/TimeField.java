package io.tessera.view;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

import io.tessera.ticket.Ticket;

/** The times a condition can look at; a ticket never solved has no solved time and matches no time condition on it. */
public enum TimeField {
    CREATED("t.created_at", Ticket::createdAt),
    UPDATED("t.updated_at", Ticket::updatedAt),
    SOLVED("t.solved_at", Ticket::solvedAt);

    private final String column;
    private final Function<Ticket, Instant> value;

    TimeField(String column, Function<Ticket, Instant> value) {
        this.column = column;
        this.value = value;
    }

    String column() {
        return column;
    }

    Instant of(Ticket ticket) {
        return value.apply(ticket);
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
