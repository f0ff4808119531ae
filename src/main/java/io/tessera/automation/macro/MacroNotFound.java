package io.tessera.automation.macro;

/** No macro with this id. */
public class MacroNotFound extends RuntimeException {

    public MacroNotFound(long id) {
        super("No macro " + id + ".");
    }
}
