package io.tessera.view;

/** The agent may see the view but not change it (built-in, someone else's, or shared and not a supervisor). */
public class ViewForbidden extends RuntimeException {

    public ViewForbidden(String message) {
        super(message);
    }
}
