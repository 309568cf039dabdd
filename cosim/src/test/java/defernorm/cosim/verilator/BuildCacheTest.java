package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build cache publishes whole entries only, builds each key once, and survives failed builds. */
class BuildCacheTest {
    @TempDir Path root;

    @Test void aFailedBuildLeavesNothing() throws IOException {
        BuildCache cache = new BuildCache(root);
        assertThrows(VerilatorException.class, () -> cache.getOrBuild("k", dir -> {
            Files.writeString(dir.resolve("half"), "x");
            throw new VerilatorException("g++ failed");
        }));
        try (var s = Files.list(root)) {
            assertTrue(s.allMatch(p -> p.getFileName().toString().endsWith(".lock")), "only the lock file remains");
        }
        BuildCache.Entry e = cache.getOrBuild("k", dir -> Files.writeString(dir.resolve("whole"), "y"));
        assertTrue(e.built());
        assertEquals("y", Files.readString(e.dir().resolve("whole")));
    }

    @Test void concurrentBuildersOfOneKeyBuildOnce() throws Exception {
        BuildCache cache = new BuildCache(root);
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BuildCache.Entry>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return cache.getOrBuild("same", dir -> {
                        builds.incrementAndGet();
                        Files.writeString(dir.resolve("out"), "built");
                    });
                }));
            }
            start.countDown();
            for (Future<BuildCache.Entry> f : futures) {
                assertEquals("built", Files.readString(f.get(30, TimeUnit.SECONDS).dir().resolve("out")));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, builds.get());
        try (var s = Files.list(root)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("tmp-")));
        }
    }

    @Test void keysHashEveryPartAndItsBoundaries() {
        assertEquals(64, defernorm.eda.Sha256.ofParts(List.of("a")).length());
        assertFalse(defernorm.eda.Sha256.ofParts(List.of("ab", "c")).equals(defernorm.eda.Sha256.ofParts(List.of("a", "bc"))));
    }
}
