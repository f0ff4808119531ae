package io.tessera.channel.email;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeUtility;

/**
 * Bytes of real mail as text: the declared charset when it is known and fits, else UTF-8 when the bytes are
 * valid UTF-8, else windows-1252 (every byte decodes in it). Mail's own spellings and habits are mapped to
 * what mailers mean ("GB2312" is GBK, "ks_c_5601-1987" is windows-949, ISO-8859-1 is read as windows-1252).
 */
final class MailCharsets {

    private MailCharsets() {
    }

    /**
     * A header value the library read one byte per character (raw 8-bit text, no encoded words): read again
     * as UTF-8 when the bytes are valid UTF-8, else in {@code hint} (the message's body charset), else
     * windows-1252. Text that is already decoded comes back as it is.
     */
    static String eightBit(String value, String hint) {
        boolean eightBit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xff) {
                return value; // already decoded text
            }
            eightBit |= c > 0x7f;
        }
        if (!eightBit) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        if (isValid(bytes, StandardCharsets.UTF_8)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        Charset charset = charset(hint);
        if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)
                && isValid(bytes, charset)) {
            return new String(bytes, charset);
        }
        return new String(bytes, Charset.forName("windows-1252"));
    }

    /**
     * Bytes as text in the declared charset. No or an unknown charset, or US-ASCII with 8-bit bytes (the most
     * common mislabelling): UTF-8 if the bytes are valid UTF-8, else windows-1252. ISO-8859-1 is read as
     * windows-1252, as browsers do, since mailers that say Latin-1 often mean the Windows code page.
     */
    static String decode(byte[] bytes, String declared) {
        if (declared != null && declared.strip().replace("\"", "").toLowerCase(Locale.ROOT).matches("(unicode-1-1-)?utf-?7")) {
            return Utf7.decode(bytes);
        }
        Charset charset = charset(declared);
        boolean ascii = isAscii(bytes);
        if (charset == null || (!ascii && (charset.equals(StandardCharsets.US_ASCII)))) {
            return ascii ? new String(bytes, StandardCharsets.US_ASCII) : utf8OrWindows1252(bytes);
        }
        if (charset.equals(StandardCharsets.ISO_8859_1)) {
            charset = Charset.forName("windows-1252");
        }
        if (charset.equals(StandardCharsets.UTF_8) && !ascii && !isValid(bytes, StandardCharsets.UTF_8)) {
            return new String(bytes, Charset.forName("windows-1252")); // labelled UTF-8, written in Latin-1
        }
        return new String(bytes, charset);
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String cleaned = name.strip().replace("\"", "").replace("'", "");
        String lowerName = cleaned.toLowerCase(Locale.ROOT);
        if (lowerName.equals("iso-2022-jp") && Charset.isSupported("x-windows-iso2022jp")) {
            return Charset.forName("x-windows-iso2022jp"); // with the Windows extensions (№, ①, …) mailers use
        }
        if (lowerName.matches("iso-8859-\\d+-[ie]")) {
            cleaned = cleaned.substring(0, cleaned.length() - 2); // Hebrew/Arabic "logical"/"explicit" ordering
        }
        for (String candidate : List.of(cleaned, MimeUtility.javaCharset(cleaned), cleaned.replace('_', '-'))) {
            try {
                if (Charset.isSupported(candidate)) {
                    Charset charset = Charset.forName(candidate);
                    // Mail's "GB2312" is in practice GBK, "ks_c_5601-1987" is in practice windows-949, and so on.
                    String canonical = charset.name().toLowerCase(Locale.ROOT);
                    if (canonical.equals("gb2312")) {
                        return Charset.forName("GBK");
                    }
                    if (canonical.equals("euc-kr") && Charset.isSupported("x-windows-949")) {
                        return Charset.forName("x-windows-949");
                    }
                    return charset;
                }
            } catch (RuntimeException ignored) {
                // illegal charset name: try the next spelling
            }
        }
        String lower = cleaned.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ks_c_5601") && Charset.isSupported("x-windows-949")) {
            return Charset.forName("x-windows-949");
        }
        return null;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValid(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String utf8OrWindows1252(byte[] bytes) {
        return isValid(bytes, StandardCharsets.UTF_8) ? new String(bytes, StandardCharsets.UTF_8)
                : new String(bytes, Charset.forName("windows-1252"));
    }
}
