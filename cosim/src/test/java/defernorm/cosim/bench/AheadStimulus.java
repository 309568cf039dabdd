package defernorm.cosim.bench;

import defernorm.cosim.Simulation;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A block stimulus run on a thread of its own, a few blocks ahead, for {@link BatchSplitBench} to compare
 * the in-process batch's two-thread pipeline (the caller fills and observes) with a three-thread one (the
 * stimulus apart, as before the block form). The engine's blocks are copied out of this thread's blocks of
 * {@code BLOCK} cycles. Every input is at most 64 bits wide and set on every cycle by the stimulus.
 */
final class AheadStimulus implements Simulation.BlockStimulus {
    private static final int BLOCK = 1024;
    private static final int AHEAD = 4;

    private final BlockingQueue<long[][]> ready = new ArrayBlockingQueue<>(AHEAD);
    private long[][] current;
    private int used = BLOCK;

    AheadStimulus(Simulation.BlockStimulus inner, int columns, long cycles) {
        Thread.ofPlatform().daemon().name("bench-stimulus").start(() -> {
            try {
                for (long first = 0; first < cycles; first += BLOCK) {
                    long[][] b = new long[columns][BLOCK];
                    inner.fill(first, BLOCK, b);
                    ready.put(b);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override public void fill(long first, int count, long[][] in) {
        for (int k = 0; k < count; ) {
            if (used == BLOCK) {
                try {
                    current = ready.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for stimulus", e);
                }
                used = 0;
            }
            int n = Math.min(count - k, BLOCK - used);
            for (int i = 0; i < in.length; i++) System.arraycopy(current[i], used, in[i], k, n);
            used += n;
            k += n;
        }
    }
}
