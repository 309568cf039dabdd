package defernorm.cosim.verilator;

import java.util.function.LongSupplier;

/**
 * Chooses, as an in-process batch goes, whether its chunks run on the model thread (the pipeline of
 * {@link NativeBatch}) or on the calling thread, by measuring both: it runs windows of about
 * {@link #WINDOW_NANOS} one way and, every {@link #PROBE_EVERY} windows, probes the other way, and keeps
 * the way that simulated more cycles per second of wall-clock time. The pipeline is the start: on a machine
 * with a second core free it wins by a third or more; when other processes keep both cores busy, handing
 * every chunk to another core only adds work, and the calling thread alone wins by a tenth or so.
 *
 * <p>Guarding against noise (a window is a few milliseconds, and on a shared machine one window's rate can
 * be a third off the next one's): the kept way's rate is averaged over its recent windows; the probed way
 * must beat that average in {@link #PROBE_WINDOWS} windows in a row to be kept (one lucky window used to
 * hand eight windows to the slower way); and after a switch, the chunks the pipeline still had in flight
 * (simulated while the previous window ran) and the new way's first chunk (the pipeline's start-up) count
 * for no window: credited to the calling thread's probe, the drained chunks made it look faster than it
 * was. A probe that loses costs one window in {@code PROBE_EVERY + 1}.
 *
 * <pre>{@code
 * ModeChooser mode = new ModeChooser();
 * while (more) {
 *     boolean here = mode.onCaller();
 *     if (here) simulateHere(); else handToModelThread();
 *     mode.chunkDone(cyclesOfTheChunk, here);
 * }
 * }</pre>
 */
final class ModeChooser {
    static final long WINDOW_NANOS = 4_000_000;
    static final int PROBE_EVERY = 8;
    static final int PROBE_WINDOWS = 2;

    private final LongSupplier clock;
    private boolean onCaller;
    private boolean probing;
    /** While probing: the windows the probed way has won so far, and their average rate. */
    private int probeWins;
    private double probeRate;
    /** After a switch: waiting for the new way's first chunk, which starts the next window. */
    private boolean settling;
    /** The kept way's cycles per nanosecond, averaged over its recent windows; 0 before the first. */
    private double keptRate;
    private int keptWindows;
    private long windowCycles;
    private long windowStart;

    ModeChooser() { this(System::nanoTime); }

    /** With {@code clock} giving nanoseconds (a test's). */
    ModeChooser(LongSupplier clock) {
        this.clock = clock;
        this.windowStart = clock.getAsLong();
    }

    /** Whether the next chunk runs on the calling thread (else on the model thread). */
    boolean onCaller() { return onCaller; }

    /**
     * Counts a simulated (and observed) chunk of {@code cycles}, which ran on the calling thread or not; at the
     * end of a window, picks the way for the next.
     */
    void chunkDone(int cycles, boolean ranOnCaller) {
        long now = clock.getAsLong();
        if (settling) {
            if (ranOnCaller == onCaller) {  // the new way's first chunk: its window starts now
                settling = false;
                windowStart = now;
                windowCycles = 0;
            }
            return;
        }
        windowCycles += cycles;
        if (now - windowStart < WINDOW_NANOS) return;
        double rate = windowCycles / (double) (now - windowStart);
        windowCycles = 0;
        windowStart = now;
        if (probing) {
            if (rate > keptRate) {
                probeRate = probeWins == 0 ? rate : (probeRate + rate) / 2;
                if (++probeWins < PROBE_WINDOWS) return;  // it has to win again
                keptRate = probeRate;  // the probed way is kept from now on
            } else {
                switchWay();
            }
            probing = false;
            probeWins = 0;
        } else {
            keptRate = keptRate == 0 ? rate : (keptRate + rate) / 2;
            if (++keptWindows % PROBE_EVERY == 0) {
                probing = true;
                switchWay();
            }
        }
    }

    private void switchWay() {
        onCaller = !onCaller;
        settling = true;
    }
}
