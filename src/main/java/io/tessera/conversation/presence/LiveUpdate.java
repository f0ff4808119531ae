package io.tessera.conversation.presence;

/**
 * Something the open pages of one ticket should learn at once: a named server-sent event ({@code presence},
 * {@code changed}) with data that is written as JSON. Plain values only, so a multi-node fan-out can send
 * it between nodes as it is (see docs/adr/0007).
 */
public record LiveUpdate(long ticketId, String event, Object data) {
}
