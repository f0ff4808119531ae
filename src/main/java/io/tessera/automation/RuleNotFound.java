package io.tessera.automation;

public class RuleNotFound extends RuntimeException {

    public RuleNotFound(long id) {
        super("There is no rule " + id + ".");
    }
}
