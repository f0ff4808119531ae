package io.tessera.conversation;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Attachment settings ({@code tessera.attachments.*}).
 *
 * @param directory      where files are stored; {@code ${tessera.data-dir}/attachments} unless set
 * @param maxSize        the largest file accepted ({@code TESSERA_ATTACHMENT_MAX_SIZE}, default 25 MB)
 * @param maxRequestSize the largest upload request, all its files together
 *                       ({@code TESSERA_ATTACHMENT_MAX_REQUEST_SIZE}, default 100 MB); it is also the
 *                       multipart limit, so it must be at least {@code maxSize}
 */
@ConfigurationProperties("tessera.attachments")
record AttachmentSettings(Path directory, DataSize maxSize, DataSize maxRequestSize) {

    AttachmentSettings {
        directory = directory == null ? Path.of("data", "attachments") : directory;
        maxSize = maxSize == null ? DataSize.ofMegabytes(25) : maxSize;
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(100) : maxRequestSize;
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("tessera.attachments.max-size (TESSERA_ATTACHMENT_MAX_SIZE) must be "
                    + "more than 0, not " + maxSize);
        }
        // Refuse to start rather than let uploads fail with a confusing error: the multipart limit of the
        // whole request is read from max-request-size, and one file at the limit must fit into it.
        if (maxRequestSize.toBytes() >= 0 && maxRequestSize.toBytes() < maxSize.toBytes()) {
            throw new IllegalArgumentException("tessera.attachments.max-request-size (TESSERA_ATTACHMENT_MAX_REQUEST_SIZE, "
                    + maxRequestSize + ") must be at least tessera.attachments.max-size (TESSERA_ATTACHMENT_MAX_SIZE, "
                    + maxSize + ")");
        }
    }
}
