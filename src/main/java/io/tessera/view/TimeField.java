package io.tessera.view;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

import io.tessera.ticket.Ticket;

/** The times a condition can look at; a ticket never solved has no solved time and matches no time condition on it. */
public enum TimeField {
    CREATED("t.created_at", Ticket::createdAt),
    UPDATED("t.updated_at", Ticket::updatedAt),
    SOLVED("t.solved_at", Ticket::solvedAt),
    /** When the status category last changed: "pending for more than 3 days" is status pending, this greater than 3d. */
    STATUS_CHANGED("t.status_changed_at", Ticket::statusChangedAt);

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
