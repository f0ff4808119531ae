package io.tessera.channel.api;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The cursor of the channel's lists, newest first by id: the id of the last item of the previous page, passed
 * back unchanged as {@code cursor}; {@code next} is null on the last page. Same shape as every other list of the
 * API ({@code {"items": [...], "next": ...}}, docs/api.md).
 */
final class IdCursor {

    private IdCursor() {
    }

    /** The id before which the page starts, or null for the first page; {@link NumberFormatException} when forged. */
    static Long parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        long id = Long.parseLong(cursor.strip());
        if (id <= 0) {
            throw new NumberFormatException(cursor);
        }
        return id;
    }

    /** The cursor of the page after this one, or null when it was the last (fewer items than asked for). */
    static <T> String next(List<T> page, int size, ToLongFunction<T> id) {
        return page.size() < size ? null : String.valueOf(id.applyAsLong(page.get(page.size() - 1)));
    }
}
