package io.tessera.conversation;

import java.nio.file.Path;
import java.time.Duration;

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
 * @param clamdAddress   {@code host:port} of a clamd that scans every stored file ({@code TESSERA_CLAMD_ADDRESS});
 *                       blank (the default): no scanning
 * @param clamdTimeout   how long to wait for clamd to accept a connection, and then for each read or write
 *                       ({@code TESSERA_CLAMD_TIMEOUT}, default 30 s)
 */
@ConfigurationProperties("tessera.attachments")
record AttachmentSettings(Path directory, DataSize maxSize, DataSize maxRequestSize, String clamdAddress,
                          Duration clamdTimeout) {

    AttachmentSettings {
        directory = directory == null ? Path.of("data", "attachments") : directory;
        maxSize = maxSize == null ? DataSize.ofMegabytes(25) : maxSize;
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(100) : maxRequestSize;
        clamdAddress = clamdAddress == null || clamdAddress.isBlank() ? null : clamdAddress.strip();
        clamdTimeout = clamdTimeout == null ? Duration.ofSeconds(30) : clamdTimeout;
        if (clamdTimeout.isNegative() || clamdTimeout.isZero()) {
            throw new IllegalArgumentException("tessera.attachments.clamd-timeout (TESSERA_CLAMD_TIMEOUT) must be "
                    + "more than 0, not " + clamdTimeout);
        }
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
