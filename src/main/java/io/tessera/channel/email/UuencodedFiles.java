package io.tessera.channel.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;

/**
 * Files that older mailers (Outlook 2000, Eudora, some scanners and scripts) put into the text body itself as
 * uuencoded {@code begin 644 name … end} blocks instead of MIME parts. Left in the text they are pages of
 * noise on the ticket; taken out they are the attachments the sender meant. Jakarta Mail decodes each
 * block; a block it cannot decode stays in the text, so nothing is lost.
 */
final class UuencodedFiles {

    /** A whole block: the begin line with mode and name, the encoded lines, and the end line. */
    private static final Pattern BLOCK = Pattern.compile("(?m)^begin [0-7]{3,4} ([^\\r\\n]+)\\r?\\n(?:.*\\r?\\n)*?end[ \\t]*(?:\\r?\\n|$)");

    record Extracted(String text, List<MailAttachment> files) {
    }

    private UuencodedFiles() {
    }

    static Extracted extract(String text) {
        if (text == null || !text.contains("begin ")) {
            return new Extracted(text, List.of());
        }
        List<MailAttachment> files = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Matcher block = BLOCK.matcher(text);
        int from = 0;
        while (block.find()) {
            byte[] content = decode(block.group());
            if (content == null) {
                continue;
            }
            String name = block.group(1).strip();
            files.add(new MailAttachment(name, typeOf(name), content, "", false));
            rest.append(text, from, block.start());
            from = block.end();
        }
        if (files.isEmpty()) {
            return new Extracted(text, List.of());
        }
        rest.append(text.substring(from));
        return new Extracted(rest.toString(), files);
    }

    /**
     * Whether every line between begin and end has the shape uuencoding gives it: a length character, then
     * four characters per three bytes (some encoders add one check character). Text that merely starts with
     * "begin 644" (a sentence, a script) does not, and stays where it is.
     */
    private static boolean wellFormed(String block) {
        String[] lines = block.split("\\r?\\n");
        for (int i = 1; i < lines.length - 1; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                return false;
            }
            char first = line.charAt(0);
            if (first < ' ' || first > '`') {
                return false;
            }
            int bytes = (first - ' ') & 0x3f;
            int expected = (bytes + 2) / 3 * 4;
            int actual = line.length() - 1;
            if (actual < expected || actual > expected + 1) {
                return false;
            }
        }
        return lines.length > 2;
    }

    private static byte[] decode(String block) {
        if (!wellFormed(block.strip())) {
            return null;
        }
        // The block is ASCII by definition; ISO-8859-1 gives back exactly the bytes that were in the message.
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(block.getBytes(StandardCharsets.ISO_8859_1)),
                "uuencode")) {
            return in.readAllBytes();
        } catch (IOException | MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String typeOf(String name) {
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed == null ? "application/octet-stream" : guessed;
    }
}
