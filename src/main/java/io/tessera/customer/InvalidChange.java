package io.tessera.customer;

/**
 * A change the customer rules refuse, naming the field at fault so forms can show it next to the input
 * and the API can name it in its problem response.
 */
public class InvalidChange extends RuntimeException {

    private final String field;

    public InvalidChange(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
