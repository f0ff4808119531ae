package io.tessera.ticket;

/** How urgent a ticket is. */
public enum Priority {
    LOW("Low"), NORMAL("Normal"), HIGH("High"), URGENT("Urgent");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Low 0 … urgent 3: stored as {@code ticket.priority_rank} so lists can sort by urgency on an index. */
    public int rank() {
        return ordinal();
    }

    /** The API's name: lower case. */
    public String key() {
        return name().toLowerCase();
    }

    public static Priority fromKey(String key) {
        for (Priority value : values()) {
            if (value.name().equalsIgnoreCase(key)) {
                return value;
            }
        }
        throw new InvalidTicketChange("priority", "Unknown priority '" + key + "'.");
    }
}
