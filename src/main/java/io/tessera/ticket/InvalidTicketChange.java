package io.tessera.ticket;

/**
 * A change the ticket rules refuse, naming the field at fault so a form can show it next to the input and
 * the API can name it in its problem response.
 */
public class InvalidTicketChange extends RuntimeException {

    private final String field;

    public InvalidTicketChange(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
