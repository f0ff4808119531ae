package io.tessera.customer;

/**
 * A value that must be unique (an email address, a domain, an organization name) already belongs to
 * another record. Separate from other refusals because the API answers it with 409 Conflict and says
 * which record holds the value, so a client can look it up or merge.
 */
public class AlreadyTaken extends InvalidChange {

    private final long ownerId;

    public AlreadyTaken(String field, String message, long ownerId) {
        super(field, message);
        this.ownerId = ownerId;
    }

    /** The id of the customer or organization that has the value. */
    public long ownerId() {
        return ownerId;
    }
}
