package io.tessera.channel.intake;

/** A stored message that cannot become ticket activity; its message is the error an admin sees. */
class UnreadableMail extends RuntimeException {

    UnreadableMail(String message) {
        super(message);
    }
}
