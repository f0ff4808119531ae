package io.tessera.customer.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.tessera.customer.InvalidChange;

/**
 * Keyset position in a list ordered by name, then id: the last row of a page. Opaque to clients
 * (base64url), so the encoding can change without breaking a contract.
 */
public record NameKey(String name, long id) {

    public String encode() {
        String raw = id + ":" + name;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names, {@code null} for the first page. */
    public static NameKey parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            return new NameKey(raw.substring(colon + 1), Long.parseLong(raw.substring(0, colon)));
        } catch (RuntimeException e) {
            throw new InvalidChange("cursor", "This cursor is not valid; start again from the first page.");
        }
    }
}
