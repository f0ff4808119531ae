package io.tessera.channel.mailbox;

import java.util.Map;

/** Settings that cannot be saved; {@link #problems()} says what is wrong with each form field. */
public class InvalidMailbox extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidMailbox(Map<String, String> problems) {
        super("Invalid mailbox settings: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
