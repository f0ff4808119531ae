package io.tessera.conversation;

import java.time.Instant;

import io.tessera.shared.Actor;
import io.tessera.ticket.Channel;

/**
 * A message as stored: the body in its source format, rendered safely when shown. {@code mergedFrom} is
 * the number of the ticket it was first written on when it came to this ticket by a merge, else null.
 * {@code visibleText} is an email's new text (see {@link #preview()}), else null.
 */
public record Message(long id, MessageKind kind, Actor author, String authorName, String body, BodyFormat format,
                      Channel channel, Integer callSeconds, Instant createdAt, Long mergedFrom, String visibleText) {

    public boolean internal() {
        return kind.internal();
    }

    /**
     * The new text of the message, without quoted history and signature, for previews and notifications:
     * what the email channel stored as visible, else the whole body.
     */
    public String preview() {
        return visibleText == null || visibleText.isBlank() ? body : visibleText;
    }
}
