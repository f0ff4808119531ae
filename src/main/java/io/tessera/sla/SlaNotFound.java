package io.tessera.sla;

/** No calendar or policy with that id. */
public class SlaNotFound extends RuntimeException {

    public SlaNotFound(String what, long id) {
        super("There is no " + what + " " + id + ".");
    }
}
