package io.tessera.routing;

import java.time.Instant;

/**
 * Whether routing may give an agent work: their status, how many unsolved tickets they may hold at most
 * ({@code capacity}, {@code null} for no cap) and their working hours ({@code shift}, {@code null} for
 * always). An agent who never set anything is {@link #DEFAULT}: online, no cap, no shift.
 */
public record Availability(Status status, Integer capacity, Shift shift) {

    /** Upper bound for a capacity: far above any real workload, low enough to catch a typo. */
    public static final int MAX_CAPACITY = 10_000;

    public static final Availability DEFAULT = new Availability(Status.ONLINE, null, null);

    public enum Status { ONLINE, AWAY, OFFLINE }

    public Availability {
        if (status == null) {
            throw new InvalidRouting("status", "Give a status: ONLINE, AWAY or OFFLINE.");
        }
        if (capacity != null && (capacity < 0 || capacity > MAX_CAPACITY)) {
            throw new InvalidRouting("capacity", "Capacity must be between 0 and " + MAX_CAPACITY
                    + " unsolved tickets, or null for no cap.");
        }
    }

    /** Online and, with a shift, inside it: an agent who is away keeps their tickets but gets no new ones. */
    public boolean takesWorkAt(Instant now) {
        return status == Status.ONLINE && (shift == null || shift.covers(now));
    }

    /** Whether one more ticket fits: the cap counts the unsolved tickets already assigned ({@code load}). */
    public boolean hasRoomFor(int load) {
        return capacity == null || load < capacity;
    }

    public Availability withStatus(Status newStatus) {
        return new Availability(newStatus, capacity, shift);
    }
}
