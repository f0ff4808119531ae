package io.tessera.conversation;

import java.time.Instant;

import io.tessera.shared.Actor;
import io.tessera.ticket.Channel;

/** A message as stored: the body in its source format, rendered safely when shown. */
public record Message(long id, MessageKind kind, Actor author, String authorName, String body, BodyFormat format,
                      Channel channel, Integer callSeconds, Instant createdAt) {

    public boolean internal() {
        return kind.internal();
    }
}
