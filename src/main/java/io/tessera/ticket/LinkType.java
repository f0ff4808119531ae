package io.tessera.ticket;

/**
 * A link as seen from one ticket: the other ticket is {@code RELATED}, this ticket's {@code PARENT} or
 * {@code CHILD}, the closed ticket this one {@code FOLLOWS_UP} ({@code follow-up-of}), or a
 * {@code FOLLOW_UP} written after this one was closed. {@link #key()} is the name in forms and the API.
 */
public enum LinkType {
    RELATED("related", "Related", LinkKind.RELATED, true),
    PARENT("parent", "Parent", LinkKind.PARENT_OF, false),
    CHILD("child", "Child", LinkKind.PARENT_OF, true),
    FOLLOWS_UP("follow-up-of", "Follow-up of", LinkKind.FOLLOW_UP_OF, true),
    FOLLOW_UP("follow-up", "Follow-up", LinkKind.FOLLOW_UP_OF, false);

    private final String key;
    private final String label;
    private final LinkKind kind;
    /** Whether this ticket is the stored link's {@code from} end (so the other ticket is its {@code to}). */
    private final boolean thisIsFrom;

    LinkType(String key, String label, LinkKind kind, boolean thisIsFrom) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.thisIsFrom = thisIsFrom;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public LinkKind kind() {
        return kind;
    }

    boolean thisIsFrom() {
        return thisIsFrom;
    }

    /** Whether agents add links of this type by hand; follow-ups are made when a customer writes to a closed ticket. */
    public boolean manual() {
        return kind != LinkKind.FOLLOW_UP_OF;
    }

    /** The type of a stored link as seen from the ticket at its {@code from} end, or its {@code to} end. */
    static LinkType seenFrom(LinkKind kind, boolean fromEnd) {
        if (kind == LinkKind.RELATED) {
            return RELATED;
        }
        for (LinkType type : values()) {
            if (type.kind == kind && type.thisIsFrom == fromEnd) {
                return type;
            }
        }
        throw new IllegalStateException("No link type for " + kind);
    }

    public static LinkType fromKey(String key) {
        for (LinkType type : values()) {
            if (type.key.equalsIgnoreCase(key == null ? "" : key.strip())) {
                return type;
            }
        }
        throw new InvalidTicketChange("type", "Unknown link type '" + key + "'. Use related, parent or child.");
    }
}
