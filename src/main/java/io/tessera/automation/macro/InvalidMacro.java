package io.tessera.automation.macro;

/** A macro that cannot be saved, or a request to apply one that is malformed; names the field at fault. */
public class InvalidMacro extends RuntimeException {

    private final String field;

    public InvalidMacro(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
