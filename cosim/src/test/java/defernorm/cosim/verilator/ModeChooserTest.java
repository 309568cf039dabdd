package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The mode chooser on a test clock: it keeps the faster way; a lucky window or a switch's drained chunks do not fool it. */
class ModeChooserTest {
    private long now;
    private final ModeChooser mode = new ModeChooser(() -> now);

    /** Runs one chunk of {@code cycles} the chosen way, taking {@code nanos} on the pipeline or {@code callerNanos} on the caller. */
    private void chunk(int cycles, long pipeNanos, long callerNanos) {
        boolean here = mode.onCaller();
        now += here ? callerNanos : pipeNanos;
        mode.chunkDone(cycles, here);
    }

    private int windowsOnCaller(int chunks, long pipeNanos, long callerNanos) {
        int onCaller = 0;
        for (int i = 0; i < chunks; i++) {
            if (mode.onCaller()) onCaller++;
            chunk(1000, pipeNanos, callerNanos);
        }
        return onCaller;
    }

    @Test void theFasterWayRunsAlmostEveryChunk() {
        assertFalse(mode.onCaller(), "the pipeline is the start");
        int onCaller = windowsOnCaller(10_000, 100_000, 150_000);
        assertTrue(onCaller < 10_000 / 8, "the pipeline is faster, yet " + onCaller + " chunks ran on the caller");
        ModeChooser loaded = new ModeChooser(() -> now);
        int here = 0;
        for (int i = 0; i < 10_000; i++) {
            boolean c = loaded.onCaller();
            if (c) here++;
            now += c ? 100_000 : 150_000;
            loaded.chunkDone(1000, c);
        }
        assertTrue(here > 10_000 * 3 / 4, "the caller is faster, yet only " + here + " chunks ran on it");
    }

    @Test void chunksDrainedAfterASwitchDoNotCountForTheProbe() {
        // Run pipeline windows until the chooser probes the caller.
        while (!mode.onCaller()) chunk(1000, 100_000, 0);
        // The pipeline's chunks still in flight come back almost at once: were they counted for the caller's
        // probe window, it would look far faster than the pipeline.
        for (int i = 0; i < 3; i++) {
            now += 1_000;
            mode.chunkDone(1000, false);
        }
        // The caller, in truth 5 % slower, runs its probe window (3 drained chunks would have made it look 5 % faster).
        // One window is about 40 chunks; the next probe would come 8 windows later.
        for (int i = 0; i < 60 && mode.onCaller(); i++) chunk(1000, 100_000, 105_000);
        assertFalse(mode.onCaller(), "the pipeline is kept after the caller's probe window");
    }

    @Test void oneLuckyWindowOfTheSlowerWayDoesNotSwitch() {
        while (!mode.onCaller()) chunk(1000, 100_000, 0);
        // The caller's probe window happens to run fast (another process left the core for a moment)...
        for (int i = 0; i < 60; i++) chunk(1000, 100_000, 90_000);  // about a window and a half
        assertTrue(mode.onCaller(), "still probing after one won window");
        // ...and the next one does not: the pipeline is back.
        for (int i = 0; i < 60 && mode.onCaller(); i++) chunk(1000, 100_000, 130_000);
        assertFalse(mode.onCaller(), "the pipeline is kept after the caller lost its second window");
    }
}
