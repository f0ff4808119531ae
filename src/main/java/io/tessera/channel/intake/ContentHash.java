package io.tessera.channel.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/**
 * What makes two received mails the same message: the SHA-256 of their bytes without the headers that servers
 * on the way add or change each time they deliver it. A relay sending a message again after a lost "250", or
 * the same message reaching us through a second mailbox, adds its own {@code Received} and
 * {@code Delivered-To} lines but cannot change what the sender wrote; a different mail under a reused
 * Message-ID differs in what the sender wrote (From, Subject, Date, body). So the hash leaves out exactly the
 * trace and delivery headers (RFC 5321 section 4.4 and their common relatives) and the receiving side's verdicts
 * on them (authentication results, spam scores), and reads line ends the same whether a hand-over used CRLF or LF.
 */
final class ContentHash {

    /** Headers a server adds or rewrites when it delivers a message, lower case. */
    private static final Set<String> TRACE = Set.of("received", "return-path", "delivered-to", "x-original-to",
            "envelope-to", "x-envelope-to", "x-envelope-from", "x-received", "authentication-results", "received-spf",
            "x-virus-scanned");
    /** Families of such headers: ARC seals of each hop, spam filters' scores. */
    private static final Set<String> TRACE_PREFIXES = Set.of("arc-", "x-spam-");

    private ContentHash() {
    }

    /** Lower-case hex SHA-256 of the message without its trace headers. */
    static String of(byte[] raw) {
        MessageDigest digest = sha256();
        int bodyStart = bodyStart(raw);
        if (bodyStart < 0) {
            digest.update(normalisedLineEnds(raw, 0));
            return HexFormat.of().formatHex(digest.digest());
        }
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw, 0, bodyStart), true);
            for (var header : Collections.list(headers.getAllHeaders())) {
                if (trace(header.getName())) {
                    continue;
                }
                digest.update((header.getName() + ":" + header.getValue() + "\n").replace("\r\n", "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        } catch (MessagingException | RuntimeException unreadable) {
            // Headers that cannot be read are hashed as they are: only an identical copy matches.
            digest.update(normalisedLineEnds(Arrays.copyOf(raw, bodyStart), 0));
        }
        digest.update((byte) '\n');
        digest.update(normalisedLineEnds(raw, bodyStart));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean trace(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return TRACE.contains(lower) || TRACE_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    /** Where the body starts: after the first empty line; -1 when there is none (headers only). */
    private static int bodyStart(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '\n') {
                continue;
            }
            if (i + 1 < raw.length && raw[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /** The bytes from {@code from} with CRLF read as LF and without trailing line ends (a pipe may add one). */
    private static byte[] normalisedLineEnds(byte[] raw, int from) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length - from);
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\r' && i + 1 < raw.length && raw[i + 1] == '\n') {
                continue;
            }
            out.write(raw[i]);
        }
        byte[] bytes = out.toByteArray();
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java has SHA-256", impossible);
        }
    }
}
