package io.tessera.view;

/** A view, condition, filter or bulk change that cannot be accepted; names the field or parameter at fault. */
public class InvalidView extends RuntimeException {

    private final String field;

    public InvalidView(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
