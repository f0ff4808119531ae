package io.tessera.customer.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.tessera.customer.InvalidChange;

/** Keyset position in a list ordered by a time, newest first, then id: the last row of a page. */
public record TimeKey(Instant at, long id) {

    public String encode() {
        String raw = at + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static TimeKey parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new TimeKey(Instant.parse(raw.substring(0, bar)), Long.parseLong(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new InvalidChange("cursor", "This cursor is not valid; start again from the first page.");
        }
    }
}
