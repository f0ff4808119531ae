package io.tessera.conversation.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque cursors of the message and event lists: the position after the last item of a page, base64url
 * so clients pass them back untouched. A cursor that does not decode is a 400 naming {@code cursor}.
 */
final class Cursors {

    /** After a message: its time and id, the keyset of {@code (created_at, id)}. */
    record MessageCursor(Instant createdAt, long id) {
    }

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    private Cursors() {
    }

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequest("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return limit;
    }

    static String message(Instant createdAt, long id) {
        return encode(createdAt + "|" + id);
    }

    static MessageCursor message(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = decode(cursor);
            int bar = raw.indexOf('|');
            return new MessageCursor(Instant.parse(raw.substring(0, bar)), Long.parseLong(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    static String event(long id) {
        return encode("e" + id);
    }

    static long event(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String raw = decode(cursor);
            if (!raw.startsWith("e")) {
                throw invalid();
            }
            return Long.parseLong(raw.substring(1));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    }

    private static InvalidRequest invalid() {
        return new InvalidRequest("cursor", "Invalid cursor: pass back the next value of the previous page unchanged.");
    }
}
