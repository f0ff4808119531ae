package io.tessera.channel.mailbox;

/** The answer of "Test connection": whether connecting, signing in and opening the folder worked, in words. */
public record ConnectionCheck(boolean ok, String message) {
}
