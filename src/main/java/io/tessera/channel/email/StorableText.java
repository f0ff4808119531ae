package io.tessera.channel.email;

/**
 * Text from a mail as it can be stored and shown: C0 control characters other than tab and line breaks
 * are dropped (a one-line value such as a subject or a name also turns line breaks and tabs into spaces).
 * The API refuses such characters with a 400; mail cannot be refused after the fact, and PostgreSQL cannot
 * store U+0000 at all, so a NUL in a subject or body would otherwise leave the mail failed on every retry.
 * The raw message keeps every byte.
 */
final class StorableText {

    private StorableText() {
    }

    static String text(String value) {
        return clean(value, false);
    }

    static String line(String value) {
        return clean(value, true);
    }

    private static String clean(String value, boolean oneLine) {
        if (value == null || !hasControl(value)) {
            return value;
        }
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean whitespace = c == '\t' || c == '\n' || c == '\r';
            if (c >= 0x20 || (whitespace && !oneLine)) {
                kept.append(c);
            } else if (whitespace) {
                kept.append(' ');
            }
        }
        return kept.toString();
    }

    private static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 0x20) {
                return true;
            }
        }
        return false;
    }
}
