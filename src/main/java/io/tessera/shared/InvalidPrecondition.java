package io.tessera.shared;

import java.util.Set;
import java.util.TreeSet;

/**
 * An {@code If-Match} header that cannot be read (or a weak ETag), or one that disagrees with the body's
 * {@code version}: a 400 naming the fields, never silently "no condition".
 */
public class InvalidPrecondition extends RuntimeException {

    private final transient Set<String> fields;

    InvalidPrecondition(Set<String> fields, String message) {
        super(message);
        this.fields = new TreeSet<>(fields);
    }

    /** {@code If-Match}, and {@code version} when the two disagree. */
    public Set<String> fields() {
        return fields;
    }
}
