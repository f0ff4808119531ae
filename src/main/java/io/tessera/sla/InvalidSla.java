package io.tessera.sla;

/** A calendar or policy that cannot be saved as given; {@code field} names the JSON field at fault. */
public class InvalidSla extends RuntimeException {

    private final String field;

    public InvalidSla(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
