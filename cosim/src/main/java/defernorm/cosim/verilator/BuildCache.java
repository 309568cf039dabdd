package defernorm.cosim.verilator;

import defernorm.eda.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.io.FileUtils;

/**
 * A directory of finished builds, one sub-directory per key. An entry is built in a private temporary
 * directory and published with one atomic rename, so readers only ever see complete entries: a build that
 * fails or is killed leaves at most a {@code tmp-*} directory, never a half entry. Builds of the same key
 * are serialized by a lock file (across JVMs) and a lock (within one), so the second builder finds the
 * first one's entry instead of building again; if locking is unavailable both build and the first rename
 * wins.
 */
final class BuildCache {
    private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    /** Builds an entry's content into an empty directory; throws to abandon the build. */
    @FunctionalInterface
    interface Builder {
        void buildInto(Path dir) throws IOException;
    }

    /** Where an entry came from: the directory and whether this call built it. */
    record Entry(Path dir, boolean built, long millis) {}

    private final Path root;

    BuildCache(Path root) { this.root = root.toAbsolutePath(); }

    /** The entry for {@code key}, building it first if no complete entry exists. */
    Entry getOrBuild(String key, Builder builder) {
        Path dest = root.resolve(key);
        if (Files.isDirectory(dest)) return new Entry(dest, false, 0);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the Verilator cache " + root + ": " + e.getMessage(), e);
        }
        ReentrantLock jvmLock = IN_JVM.computeIfAbsent(dest, k -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel ch = FileChannel.open(root.resolve(key + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            tryLock(ch);  // released when the channel closes
            if (Files.isDirectory(dest)) return new Entry(dest, false, 0);
            long t0 = System.nanoTime();
            Path tmp = root.resolve("tmp-" + key + "-" + UUID.randomUUID());
            Files.createDirectories(tmp);
            // An interrupted JVM (Ctrl-C) runs shutdown hooks but not this finally: the tool reaper removes the
            // half build once the compilers writing into it are gone.
            ProcessRunner.deleteAtExit(tmp);
            try {
                builder.buildInto(tmp);
                publish(tmp, dest);
            } finally {
                FileUtils.deleteQuietly(tmp.toFile());
                ProcessRunner.forget(tmp);
            }
            return new Entry(dest, true, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("the Verilator cache " + root + " failed: " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }

    private static FileLock tryLock(FileChannel ch) {
        try {
            return ch.lock();
        } catch (IOException | OverlappingFileLockException e) {
            return null;  // no locking here: fall back to "first rename wins"
        }
    }

    private static void publish(Path tmp, Path dest) throws IOException {
        try {
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another builder published the same key first; its entry is equivalent
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the cache directory does not support atomic renames", e);
        }
    }

    /** Deletes the entry for {@code key} (one that exists but cannot be used), so the next call rebuilds it. */
    void evict(String key) { FileUtils.deleteQuietly(root.resolve(key).toFile()); }

    /** Where the entry for {@code key} lives (whether or not it exists). */
    Path dirOf(String key) { return root.resolve(key); }
}
