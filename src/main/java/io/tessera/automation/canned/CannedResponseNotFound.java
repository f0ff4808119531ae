package io.tessera.automation.canned;

/** No canned response with this id or shortcode. */
public class CannedResponseNotFound extends RuntimeException {

    public CannedResponseNotFound(String message) {
        super(message);
    }
}
