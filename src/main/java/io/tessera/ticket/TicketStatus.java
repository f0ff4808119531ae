package io.tessera.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * The fixed status categories. Admin-defined custom statuses each map to one of these; every rule
 * (transitions, SLA pauses, views) works on the category.
 *
 * <p>Transitions (docs/tickets.md): a ticket never goes back to <em>new</em>; <em>closed</em> is final
 * and is reached only from <em>solved</em> (a customer who writes to a closed ticket gets a new, linked
 * one); everything else may move freely.
 */
public enum TicketStatus {
    NEW("New"), OPEN("Open"), PENDING("Pending"), ON_HOLD("On hold"), SOLVED("Solved"), CLOSED("Closed");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The API's name for the category: {@code new}, {@code open}, {@code pending}, {@code on-hold}, … */
    public String key() {
        return name().toLowerCase().replace('_', '-');
    }

    public static TicketStatus fromKey(String key) {
        for (TicketStatus status : values()) {
            if (status.key().equalsIgnoreCase(key) || status.name().equalsIgnoreCase(key)) {
                return status;
            }
        }
        throw new InvalidTicketChange("status", "Unknown status '" + key + "'. Use one of new, open, pending, on-hold, solved, closed.");
    }

    /** Statuses in which the ticket still needs work from someone. */
    public boolean unsolved() {
        return this != SOLVED && this != CLOSED;
    }

    /** Where a ticket in this status may go next (staying put is always allowed). */
    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED);
            case OPEN, PENDING, ON_HOLD -> EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED);
            case SOLVED -> EnumSet.of(OPEN, PENDING, ON_HOLD, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canMoveTo(TicketStatus target) {
        return target == this || next().contains(target);
    }
}
