package io.tessera.shared;

/** Typed id of a team, so ids of different aggregates cannot be mixed up. */
public record TeamId(long value) {

    public static TeamId of(long value) {
        return new TeamId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
