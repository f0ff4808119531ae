package io.tessera.ticket;

/** The fixed status categories. Admin-defined custom statuses will each map to one of these. */
public enum TicketStatus {
    NEW("New"), OPEN("Open"), PENDING("Pending"), ON_HOLD("On hold"), SOLVED("Solved"), CLOSED("Closed");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Statuses in which the ticket still needs work from someone. */
    public boolean unsolved() {
        return this != SOLVED && this != CLOSED;
    }
}
