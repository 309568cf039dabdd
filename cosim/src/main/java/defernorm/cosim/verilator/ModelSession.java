package defernorm.cosim.verilator;

import defernorm.cosim.Simulation.BlockObserver;
import defernorm.cosim.Simulation.BlockStimulus;
import java.nio.file.Path;

/**
 * One running Verilated model, whichever way it runs: loaded into the JVM ({@link NativeSession}, the
 * default) or as a child process ({@link ProcessSession}, the isolated mode). Values travel as wire words
 * (docs/cosim-protocol.md); {@link VerilatorSimulation} does names, types and cycle counting on top.
 */
sealed interface ModelSession extends AutoCloseable permits NativeSession, ProcessSession {

    /** Sets input {@code n} from its wire words at {@code src[off..]}. */
    void poke(NetSpec n, byte[] src, int off);

    /** Sets input {@code n} (at most 64 bits wide) to {@code masked}, its bits above the width zero. */
    void poke64(NetSpec n, long masked);

    /** Writes the settled wire words of {@code n} to {@code dst[0..]}. */
    void peek(NetSpec n, byte[] dst);

    /** The settled value of {@code n} (at most 64 bits wide), bits above the width zero. */
    long peek64(NetSpec n);

    void step(long cycles);

    void reset(long cycles);

    /**
     * Runs a batch; a column the stimulus does not set holds the input's current value (the last one poked
     * or simulated). Afterwards, also when it throws, the inputs hold the values of the last cycle simulated.
     */
    void runBatch(BatchColumns cols, long cycles, BlockStimulus stimulus, BlockObserver observer);

    /** Rising edges the model has been given since it started (resets and batches included). */
    long cycles();

    /** The WAVES command's status for starting ({@code path} non-empty) or stopping a waveform. */
    int waves(String path);

    /** The native loop: {nanoseconds, checksum}. */
    long[] bench(BatchColumns cols, long cycles, long seed);

    /** The replay log of an isolated session; null in-process (there is nothing to replay). */
    Path replayFile();

    /** Never throws. */
    @Override void close();
}
