package io.tessera.identity;

/** The agent, team or token asked for does not exist (or is not the caller's). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
