package io.tessera.conversation.web;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} values with a file name any browser reads right (RFC 6266): a plain
 * {@code filename="…"} of printable ASCII for old clients, then {@code filename*=UTF-8''…} in RFC 5987
 * percent-encoding, which every current browser prefers. Neither part can break out of the header: quotes,
 * backslashes and control characters never reach the quoted form, and the encoded form is all
 * {@code attr-char}s and {@code %XX}.
 */
final class ContentDispositions {

    private ContentDispositions() {
    }

    static String attachment(String fileName) {
        return "attachment; " + fileNameParameters(fileName);
    }

    static String inline(String fileName) {
        return "inline; " + fileNameParameters(fileName);
    }

    private static String fileNameParameters(String fileName) {
        return "filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encode(fileName);
    }

    /** RFC 5987 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as {@code %XX}. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAttrChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Printable ASCII without {@code "}, {@code \} and {@code %} (which some clients decode); others become _. */
    static String asciiFallback(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return out.toString();
    }

    private static boolean isAttrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
