package defernorm.cosim.verilator;

/**
 * Chooses, as an in-process batch goes, whether its chunks run on the model thread (the pipeline of
 * {@link NativeBatch}) or on the calling thread, by measuring both: it runs windows of about
 * {@link #WINDOW_NANOS} one way and, every {@link #PROBE_EVERY} windows, one window the other way, and keeps
 * the way that simulated more cycles per second of wall-clock time (the kept way's rate is averaged over
 * its recent windows, so one window that lost its core to another process does not decide). The pipeline
 * is the start: on a machine with a second core free it wins by a third or more; when other processes
 * keep both cores busy, handing every chunk to another core only adds work, and the calling thread alone
 * wins by a tenth or so. Probing the losing way costs about a ninth of that difference.
 *
 * <pre>{@code
 * ModeChooser mode = new ModeChooser();
 * while (more) {
 *     if (mode.onCaller()) simulateHere(); else handToModelThread();
 *     mode.chunkDone(cyclesOfTheChunk);
 * }
 * }</pre>
 */
final class ModeChooser {
    static final long WINDOW_NANOS = 4_000_000;
    static final int PROBE_EVERY = 8;

    private boolean onCaller;
    private boolean probing;
    /** The kept way's cycles per nanosecond, averaged over its recent windows; 0 before the first. */
    private double keptRate;
    private int keptWindows;
    private long windowCycles;
    private long windowStart = System.nanoTime();

    /** Whether the next chunk runs on the calling thread (else on the model thread). */
    boolean onCaller() { return onCaller; }

    /** Counts a simulated (and observed) chunk of {@code cycles}; at the end of a window, picks the way for the next. */
    void chunkDone(int cycles) {
        windowCycles += cycles;
        long now = System.nanoTime();
        if (now - windowStart < WINDOW_NANOS) return;
        double rate = windowCycles / (double) (now - windowStart);
        windowCycles = 0;
        windowStart = now;
        if (probing) {
            probing = false;
            if (rate > keptRate) {
                keptRate = rate;  // the probed way is kept from now on
            } else {
                onCaller = !onCaller;
            }
        } else {
            keptRate = keptRate == 0 ? rate : (keptRate + rate) / 2;
            if (++keptWindows % PROBE_EVERY == 0) {
                probing = true;
                onCaller = !onCaller;
            }
        }
    }
}
