package io.tessera.channel.intake;

import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/**
 * The few header values needed to store a message before it is parsed: read with Jakarta Mail's header
 * reader only, so even a message whose body cannot be read is stored under its Message-ID.
 */
final class RawHeaders {

    private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");
    /** Message-IDs are at most a line (RFC 5322 998 characters); the column is that wide. */
    private static final int MAX_ID = 998;

    private RawHeaders() {
    }

    /** The Message-ID without angle brackets (a bare one as written), or {@code null} when absent or unreadable. */
    static String messageId(byte[] raw) {
        try {
            String value = new InternetHeaders(new ByteArrayInputStream(raw), true).getHeader("Message-ID", null);
            if (value == null || value.isBlank()) {
                return null;
            }
            Matcher matcher = ID.matcher(value);
            String id = matcher.find() ? matcher.group(1) : value.strip();
            return id.isEmpty() || id.length() > MAX_ID ? null : id;
        } catch (MessagingException | RuntimeException unreadable) {
            return null;
        }
    }
}
