package io.tessera.conversation;

import java.text.Normalizer;

/**
 * File names as senders give them are untrusted: a browser may send a whole Windows path, a mail may
 * name a file {@code ../../etc/passwd} or hide {@code exe} behind a right-to-left override. What is kept
 * is only ever shown and offered as the download name; the file on disk is named by its hash.
 */
final class FileNames {

    static final String FALLBACK = "attachment";
    static final int MAX_LENGTH = 255;
    private static final int MAX_EXTENSION = 16;

    private FileNames() {
    }

    /**
     * The last path segment (after {@code /} or {@code \}), in Unicode NFC, without control and
     * invisible formatting characters, trimmed, at most 255 characters with the extension kept;
     * {@code "attachment"} when nothing usable is left.
     */
    static String sanitize(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(normalized.lastIndexOf('/'), normalized.lastIndexOf('\\'));
        String last = normalized.substring(slash + 1);
        StringBuilder clean = new StringBuilder(last.length());
        last.codePoints().filter(FileNames::allowed).forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        if (result.isEmpty() || result.equals(".") || result.equals("..")) {
            return FALLBACK;
        }
        return shorten(result);
    }

    /**
     * The name as the last segment of a download URL. Spring Security's firewall refuses encoded
     * {@code %}, {@code ;}, {@code /}, {@code \} and {@code .}-only segments, so those become {@code _};
     * the controller ignores this segment anyway (it only makes the URL readable and the saved name right).
     */
    static String forUrl(String fileName) {
        String safe = sanitize(fileName).replaceAll("[%;/\\\\?#]", "_");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }

    private static boolean allowed(int codePoint) {
        return switch (Character.getType(codePoint)) {
            // C0/C1 controls, bidi overrides and zero-width characters, unpaired surrogates, line breaks.
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    private static String shorten(String name) {
        // Counted in UTF-16 units, so it also fits the database's 255 characters.
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - extension.length());
        return cut(base, MAX_LENGTH - extension.length()).strip() + extension;
    }

    /** The first {@code max} UTF-16 units, never splitting a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
