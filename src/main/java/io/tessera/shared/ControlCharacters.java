package io.tessera.shared;

/**
 * Which characters text typed by people (or sent by their scripts) may hold. PostgreSQL cannot store
 * U+0000 at all (H2 can: the same request passed on one database and failed with a 500 on the other), other
 * C0 control characters are invisible in a page and dangerous in a mail header, and a lone surrogate is
 * not text. So every text field refuses them, naming the field:
 *
 * <ul>
 *   <li>a <em>text</em> (a message body, notes) keeps tab, CR and LF — it has lines;</li>
 *   <li>a <em>line</em> (a subject, a name, a tag) refuses CR and LF too, keeping tab.</li>
 * </ul>
 *
 * DEL and C1 controls are left alone: PostgreSQL stores them and pasted text carries them harmlessly.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Why {@code value} cannot be a one-line field (subject, name), or {@code null} when it can. */
    public static String inLine(String field, String value) {
        return check(field, value, false);
    }

    /** Why {@code value} cannot be a multi-line field (a body, notes), or {@code null} when it can. */
    public static String inText(String field, String value) {
        return check(field, value, true);
    }

    private static String check(String field, String value, boolean lines) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return field + " holds half of a surrogate pair (at character " + (i + 1) + "): send valid UTF-16 text.";
            } else if (c < 0x20 && c != '\t' && !(lines && (c == '\n' || c == '\r'))) {
                return field + " must not hold the control character " + name(c) + " (at character " + (i + 1) + ")"
                        + (lines ? "; tab and line breaks are fine." : "; it is one line of text without line breaks.");
            }
        }
        return null;
    }

    private static String name(char c) {
        return String.format("U+%04X", (int) c);
    }
}
