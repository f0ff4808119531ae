package io.tessera.channel.email;

import java.util.Locale;

/**
 * A file in a message: its decoded name (RFC 2231 / RFC 2047), content type (lower-case, without
 * parameters), decoded content, the Content-ID without angle brackets (empty when none) and whether it is
 * shown inline (an image the HTML refers to by {@code cid:}, or a part marked inline) rather than listed
 * as a download. Forwarded messages ({@code message/rfc822}) are attachments named {@code *.eml};
 * {@code winmail.dat} (TNEF) stays an attachment as it is.
 */
public record MailAttachment(String fileName, String contentType, byte[] content, String contentId, boolean inline) {

    public MailAttachment {
        contentType = contentType == null ? "application/octet-stream" : contentType.toLowerCase(Locale.ROOT);
        contentId = contentId == null ? "" : contentId;
        content = content == null ? new byte[0] : content;
    }

    /** Decoded size in bytes. */
    public long size() {
        return content.length;
    }

    /** Whether this part is an image (the ones the HTML may show inline). */
    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
