package io.tessera.conversation;

import org.springframework.util.unit.DataSize;

/**
 * A file was larger than {@code tessera.attachments.max-size}. Counted while the bytes arrive, so it is
 * thrown after reading at most one byte more than the limit, whatever length the sender declared.
 * The message is fit to show: "Files can be at most 25 MB."
 */
public class AttachmentTooLarge extends RuntimeException {

    private final transient DataSize limit;

    public AttachmentTooLarge(DataSize limit) {
        super("Files can be at most " + describe(limit) + ".");
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }

    /** "25 MB", "1.5 MB", "64 KB", "900 bytes": binary units, as Spring's {@code DataSize} counts them. */
    public static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024L * 1024 * 1024) {
            return amount(bytes, 1024L * 1024 * 1024) + " GB";
        }
        if (bytes >= 1024L * 1024) {
            return amount(bytes, 1024L * 1024) + " MB";
        }
        if (bytes >= 1024) {
            return amount(bytes, 1024) + " KB";
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    private static String amount(long bytes, long unit) {
        if (bytes % unit == 0) {
            return Long.toString(bytes / unit);
        }
        String rounded = String.format(java.util.Locale.ROOT, "%.1f", (double) bytes / unit);
        return rounded.endsWith(".0") ? rounded.substring(0, rounded.length() - 2) : rounded;
    }
}
