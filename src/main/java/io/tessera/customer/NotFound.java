package io.tessera.customer;

/** The customer or organization asked for does not exist. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
