package io.tessera.view;

/** No such view, or not one this agent may see (the same answer, so ids cannot be probed). */
public class ViewNotFound extends RuntimeException {

    public ViewNotFound(long id) {
        super("No view " + id + ".");
    }
}
