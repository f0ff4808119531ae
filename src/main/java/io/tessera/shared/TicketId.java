package io.tessera.shared;

/** Typed id of a ticket, so ids of different aggregates cannot be mixed up. */
public record TicketId(long value) {

    public static TicketId of(long value) {
        return new TicketId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
