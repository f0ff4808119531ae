package io.tessera.identity;

/** A new agent, with the generated password when the admin did not choose one (shown once, never stored). */
public record CreatedAgent(Agent agent, String generatedPassword) {
}
