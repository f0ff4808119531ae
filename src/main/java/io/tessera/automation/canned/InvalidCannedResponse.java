package io.tessera.automation.canned;

/** A canned response that cannot be saved or rendered; names the field at fault. */
public class InvalidCannedResponse extends RuntimeException {

    private final String field;

    public InvalidCannedResponse(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
