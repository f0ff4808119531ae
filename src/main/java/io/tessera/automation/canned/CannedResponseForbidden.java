package io.tessera.automation.canned;

/** Someone else's personal response, or a shared one changed by an agent who is not a supervisor or admin. */
public class CannedResponseForbidden extends RuntimeException {

    public CannedResponseForbidden(String message) {
        super(message);
    }
}
