package io.tessera.channel.email;

/**
 * The raw bytes are not a message we can read (no headers, a broken structure the MIME library refuses).
 * The intake stores such a message as failed, with this message as its error, and keeps the original.
 */
public class MailParseException extends RuntimeException {

    public MailParseException(String message, Throwable cause) {
        super(message, cause);
    }

    public MailParseException(String message) {
        super(message);
    }
}
