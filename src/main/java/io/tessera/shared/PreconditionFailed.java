package io.tessera.shared;

/**
 * A change refused because the resource is no longer at the version the client read. Sent as
 * {@code If-Match} it is HTTP's {@code 412 Precondition Failed}; sent as {@code version} in the body it stays
 * the API's {@code 409 Conflict}. Either way the refusal names the field the client used and says the
 * current version and ETag, so the client knows what to read and send again.
 */
public class PreconditionFailed extends RuntimeException {

    private final transient Precondition precondition;
    private final int currentVersion;

    PreconditionFailed(Precondition precondition, String resource, int currentVersion) {
        super(message(precondition, resource, currentVersion));
        this.precondition = precondition;
        this.currentVersion = currentVersion;
    }

    private static String message(Precondition precondition, String resource, int current) {
        if (Precondition.IF_MATCH.equals(precondition.field())) {
            return "If-Match " + precondition.sent() + " does not match: the " + resource + " is at ETag "
                    + Precondition.etag(current) + " (version " + current + "). Read it again, then send your change with "
                    + "If-Match: " + Precondition.etag(current) + ".";
        }
        return "The " + resource + " changed since version " + precondition.sent() + "; it is at version " + current
                + ". Read it again, then send your change with the current version.";
    }

    /** 412 for {@code If-Match}, 409 for {@code version}. */
    public int status() {
        return Precondition.IF_MATCH.equals(precondition.field()) ? 412 : 409;
    }

    /** The field the client sent: {@code If-Match} or {@code version}. */
    public String field() {
        return precondition.field();
    }

    public int currentVersion() {
        return currentVersion;
    }

    public String currentETag() {
        return Precondition.etag(currentVersion);
    }
}
