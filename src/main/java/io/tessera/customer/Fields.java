package io.tessera.customer;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.tessera.shared.ControlCharacters;

/** The checks customer and organization fields share: each refusal names the field and says what to do. */
final class Fields {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");
    /** Zone ids by lower-cased id, so "europe/berlin" is understood as "Europe/Berlin". */
    private static final Map<String, String> ZONES = new TreeMap<>();

    static {
        ZoneId.getAvailableZoneIds().forEach(id -> ZONES.put(id.toLowerCase(Locale.ROOT), id));
    }

    private Fields() {
    }

    static String required(String field, String value, int max, String missing) {
        if (value == null || value.isBlank()) {
            throw new InvalidChange(field, missing);
        }
        return limited(field, value.trim(), max);
    }

    /** The trimmed value, or {@code null} when blank. */
    static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : limited(field, value.trim(), max);
    }

    /** Emails are compared and stored lower-cased: people type them in every case, mail ignores it. */
    static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    static String email(String field, String value) {
        String email = normalizeEmail(value);
        if (email.isEmpty()) {
            throw new InvalidChange(field, "Enter an email address.");
        }
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidChange(field, email + " is not a valid email address.");
        }
        return limited(field, email, 320);
    }

    /** The part after the {@code @}: what organizations claim. */
    static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1);
    }

    static String domain(String field, String value) {
        String domain = value.trim().toLowerCase(Locale.ROOT);
        if (domain.startsWith("@")) {
            domain = domain.substring(1);
        }
        if (domain.length() > 255 || !DOMAIN.matcher(domain).matches()) {
            throw new InvalidChange(field, value.trim() + " is not a domain name like example.com.");
        }
        return domain;
    }

    /** A BCP 47 language tag such as {@code de} or {@code pt-BR}, stored in its canonical form. */
    static String language(String field, String value) {
        String tag = optional(field, value, 35);
        if (tag == null) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
        if (locale.getLanguage().isEmpty() || !locale.toLanguageTag().equalsIgnoreCase(tag.replace('_', '-'))
                || !knownLanguage(locale)) {
            throw new InvalidChange(field, "Use a language tag such as en, de or pt-BR.");
        }
        return locale.toLanguageTag();
    }

    /** A time zone by its region id, such as {@code Europe/Berlin}: offsets would ignore daylight saving. */
    static String timeZone(String field, String value) {
        String zone = optional(field, value, 60);
        if (zone == null) {
            return null;
        }
        String known = ZONES.get(zone.toLowerCase(Locale.ROOT));
        if (known == null) {
            throw new InvalidChange(field, "Use a time zone such as Europe/Berlin or America/New_York.");
        }
        return known;
    }

    private static boolean knownLanguage(Locale locale) {
        try {
            return !locale.getISO3Language().isEmpty();
        } catch (java.util.MissingResourceException e) {
            return false;
        }
    }

    private static String limited(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidChange(field, "Use at most " + max + " characters.");
        }
        // Notes have lines; every other field is one line. Control characters never (a NUL fails on PostgreSQL).
        String refusal = field.equals("notes") ? ControlCharacters.inText(field, value) : ControlCharacters.inLine(field, value);
        if (refusal != null) {
            throw new InvalidChange(field, refusal);
        }
        return value;
    }

    /**
     * A name a channel found (an email's display name), made storable rather than refused: the mail is the
     * customer's, and a stray control character in a header must not lose it.
     */
    static String storableName(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> kept.appendCodePoint(c < 0x20 || Character.isSurrogate((char) c) && c < 0x10000 ? ' ' : c));
        return kept.toString().strip();
    }
}
