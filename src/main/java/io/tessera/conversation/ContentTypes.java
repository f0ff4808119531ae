package io.tessera.conversation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Decides the content type to keep for a file. A declared type is only a hint from the sender: an image
 * type is kept only when the bytes really are that image (so "previewable" is true and an HTML page
 * declared as {@code image/png} is never shown inline), and anything unparseable becomes
 * {@code application/octet-stream}.
 */
final class ContentTypes {

    static final String OCTET_STREAM = "application/octet-stream";

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private ContentTypes() {
    }

    static String decide(String declared, byte[] head) {
        String image = imageType(head);
        if (image != null) {
            return image;
        }
        String type = normalize(declared);
        return Attachment.SAFE_IMAGE_TYPES.contains(type) ? OCTET_STREAM : type;
    }

    /** The safe raster image type the bytes start with, or null. */
    static String imageType(byte[] head) {
        if (startsWith(head, PNG)) {
            return "image/png";
        }
        if (startsWith(head, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(head, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || startsWith(head, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return "image/gif";
        }
        if (head.length >= 12 && startsWith(head, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && Arrays.equals(head, 8, 12, "WEBP".getBytes(StandardCharsets.US_ASCII), 0, 4)) {
            return "image/webp";
        }
        return null;
    }

    /** {@code type/subtype} in lower case without parameters, or octet-stream when it is not one. */
    static String normalize(String declared) {
        if (declared == null || declared.isBlank()) {
            return OCTET_STREAM;
        }
        try {
            MediaType type = MediaType.parseMediaType(declared.strip());
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return OCTET_STREAM;
            }
            String value = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
            return value.length() > 255 ? OCTET_STREAM : value;
        } catch (InvalidMediaTypeException e) {
            return OCTET_STREAM;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
