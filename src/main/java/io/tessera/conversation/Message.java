package io.tessera.conversation;

import java.time.Instant;

import io.tessera.shared.Actor;
import io.tessera.ticket.Channel;

/** A message as stored. The body is plain text for now; Markdown and sanitised HTML come with the tickets issue. */
public record Message(long id, MessageKind kind, Actor author, String authorName, String body, Channel channel,
                      Instant createdAt) {
}
