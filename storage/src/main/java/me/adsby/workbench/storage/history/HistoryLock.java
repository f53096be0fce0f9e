package me.adsby.workbench.storage.history;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import me.adsby.workbench.storage.home.OwnerOnly;

/**
 * Who has the history open: an OS lock on {@code <history>/workbench.lock}, held while a {@link RunHistory} is
 * open, whose text says which process holds it. The OS lock works between processes and, through
 * {@link OverlappingFileLockException}, between two histories in one JVM, where H2 alone would silently share
 * the database. It goes away with the process, so a crash never leaves a stale lock. (ADR 9.)
 *
 * <p>The lock covers one byte far past the text, so the text stays readable where locks are mandatory (Windows).
 */
final class HistoryLock implements AutoCloseable {

    static final String FILE_NAME = "workbench.lock";
    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;

    private final FileChannel channel;
    private final FileLock lock;

    private HistoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or throws {@link HistoryInUseException} naming the holder. */
    static HistoryLock acquire(Path folder, Clock clock) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            OwnerOnly.file(file);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new HistoryInUseException(folder, holder(channel));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(describeThisProcess(clock.instant()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new HistoryLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(LOCKED_BYTE, 1, false);
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "held by another process" : "held by " + text;
    }

    static String describeThisProcess(Instant now) {
        return "process " + ManagementFactory.getRuntimeMXBean().getPid() + " on " + hostName() + " since " + now;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this machine";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
