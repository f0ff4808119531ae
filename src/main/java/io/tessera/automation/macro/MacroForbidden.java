package io.tessera.automation.macro;

/** Someone else's personal macro, or a shared one changed by an agent who is not a supervisor or admin. */
public class MacroForbidden extends RuntimeException {

    public MacroForbidden(String message) {
        super(message);
    }
}
