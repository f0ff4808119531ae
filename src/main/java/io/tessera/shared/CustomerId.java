package io.tessera.shared;

/** Typed id of a customer, so ids of different aggregates cannot be mixed up. */
public record CustomerId(long value) {

    public static CustomerId of(long value) {
        return new CustomerId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
