package me.adsby.workbench.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A {@link BlobStore} over the local file system; URIs are absolute paths.
 *
 * <ul>
 *   <li>Generation: the file's modification time in microseconds. Every write through this class stamps a value
 *       strictly greater than any it stamped before in this JVM, so each write changes it (the file system must
 *       keep at least microseconds, as ext4, XFS, APFS and NTFS do). Metageneration is always 1.</li>
 *   <li>MD5, CRC32C and content type are not kept: {@link BlobInfo} has null for them.</li>
 *   <li>Writes go to a temporary file in the target's folder, then move into place, so readers see the old
 *       file or the new one. {@link WriteCondition#IF_ABSENT} commits with a hard link, which fails atomically
 *       when the name exists, even against other processes. {@code ifGenerationMatches} is checked and
 *       committed under a lock, so two writers in this JVM never both succeed (other processes are not
 *       locked out).</li>
 *   <li>Listing a folder that does not exist is a {@link BlobNotFoundException} (GCS would list nothing).</li>
 * </ul>
 * Thread-safe.
 */
public final class LocalBlobStore implements BlobStore {

    private static final int LOCK_STRIPES = 64;
    private static final Object[] LOCKS = new Object[LOCK_STRIPES];

    static {
        for (int i = 0; i < LOCK_STRIPES; i++) {
            LOCKS[i] = new Object();
        }
    }

    @Override
    public BlobPage list(BlobUri prefix, String delimiter, int pageSize, String pageToken) throws IOException {
        requireLocal(prefix);
        if (pageSize < 1 || pageSize > DEFAULT_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1.." + DEFAULT_PAGE_SIZE + ", not " + pageSize);
        }
        try {
            return LocalListing.list(prefix, delimiter, pageSize, pageToken);
        } catch (IOException e) {
            throw LocalFiles.translate(e, prefix);
        }
    }

    @Override
    public Optional<BlobInfo> stat(BlobUri uri) throws IOException {
        requireLocal(uri);
        Path path = uri.toPath();
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.isRegularFile() ? Optional.of(LocalFiles.info(path, attributes)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw LocalFiles.translate(e, uri);
        }
    }

    /** The path with every symbolic link followed ({@link Path#toRealPath}). */
    @Override
    public BlobUri realLocation(BlobUri uri) throws IOException {
        requireLocal(uri);
        try {
            return BlobUri.local(uri.toPath().toRealPath());
        } catch (IOException e) {
            throw LocalFiles.translate(e, uri);
        }
    }

    @Override
    public InputStream open(BlobUri uri, long offset, long length) throws IOException {
        requireLocal(uri);
        if (offset < 0 || length < -1) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length + " must not be negative");
        }
        Path path = uri.toPath();
        if (Files.isDirectory(path)) {
            throw new IOException(uri + ": is a folder, not a file");
        }
        try {
            SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.READ);
            channel.position(offset);
            InputStream in = Channels.newInputStream(channel);
            return length < 0 ? in : new LimitedInputStream(in, length);
        } catch (IOException e) {
            throw LocalFiles.translate(e, uri);
        }
    }

    @Override
    public BlobInfo write(BlobUri uri, InputStream content, String contentType, WriteCondition condition)
            throws IOException {
        requireLocal(uri);
        Path target = uri.toPath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), LocalFiles.TEMP_PREFIX, ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.transferTo(out);
                channel.force(true);
            }
            return commit(temp, target, condition, uri);
        } catch (IOException e) {
            throw LocalFiles.translate(e, uri);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    @Override
    public void delete(BlobUri uri, WriteCondition condition) throws IOException {
        requireLocal(uri);
        Path path = uri.toPath();
        synchronized (lockFor(path)) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    throw new BlobNotFoundException(uri + ": not a file", null);
                }
                checkExisting(condition, attributes, uri);
                Files.delete(path);
            } catch (IOException e) {
                throw LocalFiles.translate(e, uri);
            }
        }
    }

    @Override
    public BlobInfo copy(BlobUri source, BlobUri target, WriteCondition condition) throws IOException {
        requireLocal(source);
        requireLocal(target);
        try (InputStream in = open(source)) {
            return write(target, in, null, condition);
        }
    }

    @Override
    public void close() {
        // nothing held
    }

    /** Moves the finished temporary file into place if the condition holds; returns the new file's metadata. */
    private static BlobInfo commit(Path temp, Path target, WriteCondition condition, BlobUri uri) throws IOException {
        synchronized (lockFor(target)) {
            LocalFiles.stamp(temp, LocalFiles.nextGeneration());
            BlobInfo info = LocalFiles.info(target, Files.readAttributes(temp, BasicFileAttributes.class));
            if (condition instanceof WriteCondition.IfAbsent) {
                try {
                    Files.createLink(target, temp);
                } catch (FileAlreadyExistsException e) {
                    throw new PreconditionFailedException(uri + ": already exists", e);
                } catch (UnsupportedOperationException e) {
                    // No hard links here: fall back to check-then-move under the lock.
                    if (Files.exists(target)) {
                        throw new PreconditionFailedException(uri + ": already exists", null);
                    }
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                }
                return info;
            }
            if (condition instanceof WriteCondition.IfGenerationMatches) {
                BasicFileAttributes current;
                try {
                    current = Files.readAttributes(target, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    throw new PreconditionFailedException(uri + ": does not exist, so its generation is not "
                            + ((WriteCondition.IfGenerationMatches) condition).generation(), e);
                }
                checkExisting(condition, current, uri);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return info;
        }
    }

    private static void checkExisting(WriteCondition condition, BasicFileAttributes current, BlobUri uri)
            throws PreconditionFailedException {
        if (condition instanceof WriteCondition.IfAbsent) {
            throw new PreconditionFailedException(uri + ": exists", null);
        }
        if (condition instanceof WriteCondition.IfGenerationMatches match
                && LocalFiles.generationOf(current) != match.generation()) {
            throw new PreconditionFailedException(uri + ": generation is " + LocalFiles.generationOf(current)
                    + ", not " + match.generation() + " (the file changed since it was read)", null);
        }
    }

    private static Object lockFor(Path path) {
        return LOCKS[Math.floorMod(path.toAbsolutePath().normalize().hashCode(), LOCK_STRIPES)];
    }

    private static void requireLocal(BlobUri uri) {
        if (uri.isGcs()) {
            throw new IllegalArgumentException(uri + " is not a local path");
        }
    }
}
