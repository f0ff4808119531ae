package io.tessera.conversation;

import java.time.Instant;
import java.util.Set;

import org.springframework.web.util.UriUtils;

import io.tessera.shared.TicketId;

/**
 * A file on a ticket, as stored: its metadata here, its bytes on disk by {@link #sha256()}. The
 * {@link #messageId()} is null from the upload until the reply or note it belongs to is saved.
 *
 * @param fileName    sanitised: no path, no control characters, at most 255 characters
 * @param contentType {@code type/subtype}; one of the {@link #SAFE_IMAGE_TYPES} only when the bytes are
 *                    such an image, whatever the sender declared
 * @param size        in bytes, as counted while storing
 * @param scan        what the virus scanner said; only {@link ScanStatus#served() served} files may be downloaded
 * @param signature   what the scanner found in a {@link ScanStatus#QUARANTINED} file, else null
 */
public record Attachment(long id, TicketId ticketId, Long messageId, String fileName, String contentType, long size,
                         String sha256, Instant createdAt, ScanStatus scan, String signature) {

    /** Raster images a browser may show inline: they cannot carry script, unlike SVG or HTML. */
    public static final Set<String> SAFE_IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** Whether the ticket page may preview it with an {@code <img>} ({@link #previewPath()}). */
    public boolean previewableImage() {
        return SAFE_IMAGE_TYPES.contains(contentType);
    }

    /** Whether it may be downloaded: not quarantined and not held for a scan ({@link ScanStatus#served()}). */
    public boolean served() {
        return scan.served();
    }

    /** The scanner found {@link #signature()} in it: it is never served. */
    public boolean quarantined() {
        return scan == ScanStatus.QUARANTINED;
    }

    /** A scanner is configured but could not scan it yet: not served until a scan passes. */
    public boolean held() {
        return scan == ScanStatus.HELD;
    }

    /** The size as people read it: "900 bytes", "12 KB", "1.5 MB". */
    public String sizeLabel() {
        return AttachmentTooLarge.describe(org.springframework.util.unit.DataSize.ofBytes(size));
    }

    /** Where an agent downloads it: {@code /attachments/{id}/{file name}}. */
    public String downloadPath() {
        return "/attachments/" + id + "/" + UriUtils.encodePathSegment(FileNames.forUrl(fileName), "UTF-8");
    }

    /** Where the ticket page previews it; only meaningful for a {@link #previewableImage()}. */
    public String previewPath() {
        return downloadPath() + "?inline";
    }
}
