package io.tessera.automation;

/** A rule, condition or action that cannot be saved as given; {@code field} names the JSON field or form row at fault. */
public class InvalidRule extends RuntimeException {

    private final String field;

    public InvalidRule(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
