package io.tessera.shared;

/** The actor behind a change together with the display name they had at that moment. */
public record Initiator(Actor actor, String name) {

    public static Initiator system() {
        return new Initiator(Actor.system(), "Tessera");
    }
}
