package io.tessera.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The bytes of attachments on disk, content-addressed: a file lives at {@code ab/cd/abcd…} (its SHA-256 in
 * hex), so identical files are stored once however often they are attached. A file is first written to
 * {@code tmp/}, counted, hashed and flushed to the disk, and only then renamed to its final name in one
 * atomic step: a crash leaves at most a stray file in {@code tmp/}, never a half-written file under a name
 * a row could point to. Nothing here knows about tickets or the database.
 */
@Component
class ContentStore {

    /** The first bytes of a file, kept to recognise images by their signature. */
    static final int HEAD_LENGTH = 16;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;

    ContentStore(AttachmentSettings settings) {
        this.root = settings.directory().toAbsolutePath().normalize();
    }

    /** What {@link #write} stored: the hash that names it, its size, and its first bytes. */
    record Stored(String sha256, long size, byte[] head) {
    }

    /**
     * Copies the stream to the store, reading at most one byte more than {@code limit}: a sender's
     * declared length is never trusted, the bytes are counted as they arrive.
     *
     * @throws AttachmentTooLarge when there are more than {@code limit} bytes; nothing is kept then
     */
    Stored write(InputStream content, DataSize limit) {
        long max = limit.toBytes();
        Path temp = null;
        try {
            Path tmpDir = Files.createDirectories(root.resolve("tmp"));
            temp = Files.createTempFile(tmpDir, "upload-", ".part");
            MessageDigest digest = sha256();
            byte[] head = new byte[HEAD_LENGTH];
            int headLength = 0;
            long size = 0;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                while (true) {
                    // Never ask for more than one byte past the limit, so an endless stream stops there.
                    int wanted = (int) Math.min(buffer.length, max + 1 - size);
                    int read = content.read(buffer, 0, wanted);
                    if (read == -1) {
                        break;
                    }
                    size += read;
                    if (size > max) {
                        throw new AttachmentTooLarge(limit);
                    }
                    digest.update(buffer, 0, read);
                    if (headLength < HEAD_LENGTH) {
                        int copy = Math.min(HEAD_LENGTH - headLength, read);
                        System.arraycopy(buffer, 0, head, headLength, copy);
                        headLength += copy;
                    }
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                }
                out.force(true);
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            Path target = path(sha256);
            if (!complete(target, size)) {
                Files.createDirectories(target.getParent());
                // rename(2): atomic, and it replaces a damaged copy; a concurrent upload of the same bytes
                // renames identical content over it, which readers holding the old file do not notice.
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                temp = null;
                syncDirectory(target.getParent());
            }
            return new Stored(sha256, size, Arrays.copyOf(head, headLength));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an attachment under " + root, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Opens a stored file for reading. */
    InputStream open(String sha256) {
        try {
            return Files.newInputStream(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open attachment file " + sha256, e);
        }
    }

    Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 in hex: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static boolean complete(Path file, long size) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == size;
        } catch (IOException e) {
            return false;
        }
    }

    /** Makes the rename itself durable, where the platform allows opening a directory (Linux does). */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: Windows cannot open a directory; the file itself is already on disk.
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A stray file in tmp/ harms nothing; it is never referenced.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
