package io.tessera.customer.internal;

import java.util.Locale;

/**
 * Turns what someone typed into {@code LIKE} patterns that treat it literally ({@code %} and {@code _}
 * are escaped with a backslash, the default escape character on PostgreSQL and H2).
 */
final class SearchPrefix {

    private SearchPrefix() {
    }

    /** Matches values that start with the text. */
    static String startsWith(String text) {
        return escape(text) + "%";
    }

    /** Matches values with a word (after a space) that starts with the text. */
    static String wordStartsWith(String text) {
        return "% " + escape(text) + "%";
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
