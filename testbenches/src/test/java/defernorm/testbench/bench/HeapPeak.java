package defernorm.testbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The peak Java heap over a stretch of work: {@link #reset} before, {@link #bytes} after. The sum of each heap
 * pool's peak, so an upper bound (the pools need not peak together) that includes garbage not yet collected;
 * comparable between runs in one JVM.
 */
final class HeapPeak {
    private HeapPeak() {}

    /** Collects garbage and restarts every heap pool's peak from its current use. */
    static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    /** The heap pools' peaks since the last {@link #reset}, summed. */
    static long bytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }
}
