package io.tessera.channel.email;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Decodes UTF-7 (RFC 2152), which the JDK does not ship and old Outlook versions still write in subjects and
 * bodies: ASCII as itself, {@code +<modified base64 of UTF-16>-} for the rest, {@code +-} for a plus sign.
 */
final class Utf7 {

    private Utf7() {
    }

    static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '+') {
                out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && isBase64(text.charAt(end))) {
                end++;
            }
            String run = text.substring(i + 1, end);
            if (run.isEmpty()) {
                out.append('+');
            } else {
                String padded = run.length() % 4 == 1 ? run.substring(0, run.length() - 1) : run;
                padded = padded + "===".substring(0, (4 - padded.length() % 4) % 4);
                byte[] utf16 = Base64.getDecoder().decode(padded);
                out.append(new String(utf16, 0, utf16.length - utf16.length % 2, StandardCharsets.UTF_16BE));
            }
            i = end < text.length() && text.charAt(end) == '-' ? end + 1 : end;
        }
        return out.toString();
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }
}
