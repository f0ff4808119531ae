package io.tessera.channel.email;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;

/**
 * Header values as a help desk needs them: unfolded, RFC 2047 encoded words decoded (leniently where the
 * library refuses), addresses with their display names (groups flattened, bare addresses found in
 * unparsable values), Message-IDs without angle brackets, dates.
 */
final class MailHeaders {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\"',;:()\\[\\]]+@[^\\s<>\"',;:()\\[\\]]+");

    private MailHeaders() {
    }

    static String headerOrEmpty(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 || values[0] == null ? "" : values[0];
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    /** First value, unfolded (a line break and the whitespace after it become one space), raw. */
    static String header(Part part, String name) {
        return headerOrEmpty(part, name).replaceAll("\\r?\\n[ \\t]+", " ").replaceAll("[\\r\\n]", "").strip();
    }

    static String decodeWords(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        if (text.contains("=?")) {
            try {
                // Whitespace between adjacent encoded words is dropped by the decoder (RFC 2047 6.2).
                text = MimeUtility.decodeText(text);
            } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
                text = decodeWordsLeniently(text);
            }
            if (text.contains("=?") || text.indexOf('\uFFFD') >= 0) {
                text = decodeWordsLeniently(value); // unknown charset, glued words, Windows extensions
            }
        }
        return text.replace("\t", " ").strip();
    }

    /** Encoded words the library refused (unknown charset, glued to other text): each decoded on its own. */
    private static String decodeWordsLeniently(String text) {
        Matcher matcher = ENCODED_WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            String between = text.substring(last, matcher.start());
            // whitespace between two encoded words is not part of the text
            out.append(last > 0 && between.isBlank() ? "" : between);
            String charsetName = matcher.group(1);
            int star = charsetName.indexOf('*'); // RFC 2231 language suffix
            if (star >= 0) {
                charsetName = charsetName.substring(0, star);
            }
            byte[] bytes;
            try {
                bytes = matcher.group(2).equalsIgnoreCase("b")
                        ? java.util.Base64.getMimeDecoder().decode(matcher.group(3))
                        : qDecode(matcher.group(3));
                out.append(MailCharsets.decode(bytes, charsetName));
            } catch (IllegalArgumentException e) {
                out.append(matcher.group());
            }
            last = matcher.end();
        }
        out.append(text.substring(last));
        return out.toString();
    }

    private static byte[] qDecode(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < encoded.length() + 0 && isHex(encoded.charAt(i + 1))
                    && isHex(encoded.charAt(i + 2))) {
                out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** Addresses of one header value; groups flattened; unparsable input searched for bare addresses. */
    static List<MailAddress> addresses(String value) {
        List<MailAddress> result = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return result;
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                if (address.isGroup()) {
                    InternetAddress[] members = address.getGroup(false);
                    if (members != null) {
                        for (InternetAddress member : members) {
                            add(result, member);
                        }
                    }
                } else {
                    add(result, address);
                }
            }
            return result;
        } catch (AddressException | RuntimeException e) {
            Matcher matcher = BARE_ADDRESS.matcher(value);
            while (matcher.find()) {
                result.add(new MailAddress(matcher.group(), ""));
            }
            return result;
        }
    }

    private static void add(List<MailAddress> result, InternetAddress address) {
        String email = address.getAddress();
        if (email == null || email.isBlank()) {
            return;
        }
        String personal = address.getPersonal();
        result.add(new MailAddress(decodeWords(email), personal == null ? "" : decodeWords(personal)));
    }

    static String firstId(String value) {
        List<String> ids = ids(value);
        return ids.isEmpty() ? "" : ids.get(0);
    }

    /** Message ids in angle brackets; a lone id without brackets (seen in the wild) is taken as it is. */
    static List<String> ids(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return ids;
        }
        Matcher matcher = MESSAGE_ID.matcher(value);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        if (ids.isEmpty()) {
            for (String token : value.strip().split("[\\s,]+")) {
                if (token.contains("@")) {
                    ids.add(token);
                }
            }
        }
        return ids;
    }

    static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            java.util.Date date = new MailDateFormat().parse(value);
            return date == null ? null : date.toInstant();
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
        }
    }

    static String stripAngles(String id) {
        String value = id == null ? "" : id.strip();
        if (value.startsWith("<") && value.endsWith(">") && value.length() > 1) {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value;
    }
}
