package io.tessera.shared;

/** Typed id of a agent, so ids of different aggregates cannot be mixed up. */
public record AgentId(long value) {

    public static AgentId of(long value) {
        return new AgentId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
