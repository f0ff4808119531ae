package io.tessera.routing;

/** A routing setting that cannot be saved as given; {@code field} names the JSON field at fault. */
public class InvalidRouting extends RuntimeException {

    private final String field;

    public InvalidRouting(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
