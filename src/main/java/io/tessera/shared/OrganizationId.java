package io.tessera.shared;

/** Typed id of a organization, so ids of different aggregates cannot be mixed up. */
public record OrganizationId(long value) {

    public static OrganizationId of(long value) {
        return new OrganizationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
