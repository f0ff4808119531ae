package io.tessera.channel;

/** A setting the email admin refuses, naming the form field at fault so the page can show it there. */
public class InvalidEmailSetting extends RuntimeException {

    private final String field;

    public InvalidEmailSetting(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
