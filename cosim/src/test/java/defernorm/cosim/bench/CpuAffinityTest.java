package defernorm.cosim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Pinning a thread to a CPU and back, on a thread of its own (affinity is per thread). */
class CpuAffinityTest {
    @Test void aThreadPinnedToOneCpuMayRunThereOnlyUntilReleased() throws Exception {
        assumeTrue(CpuAffinity.available(), "sched_setaffinity is Linux's");
        AtomicReference<List<List<Integer>>> seen = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            List<Integer> all = CpuAffinity.allowed();
            int last = all.getLast();
            CpuAffinity.pin(last);
            List<Integer> pinned = CpuAffinity.allowed();
            CpuAffinity.pin(all);
            seen.set(List.of(all, pinned, CpuAffinity.allowed()));
        });
        t.join();
        List<List<Integer>> s = seen.get();
        assertFalse(s.get(0).isEmpty());
        assertEquals(List.of(s.get(0).getLast()), s.get(1));
        assertEquals(s.get(0), s.get(2));
    }
}
