package defernorm.cosim.verilator;

import defernorm.cosim.Simulation.BlockObserver;
import defernorm.cosim.Simulation.BlockStimulus;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One {@code runBatch} in-process, as a two-thread pipeline over chunks of cycles: a model thread runs
 * each filled chunk with one downcall ({@code dn_batch_columns}: the model stores its inputs from, and
 * loads its outputs into, Java arrays of block columns back to back, range-checking each input value as it
 * stores it), while the calling thread fills chunk k+1 from the block stimulus (copying each column into
 * the chunk's buffer) and hands chunk k-1's outputs to the block observer. The Java side costs a few nanoseconds per cycle and value, so one
 * thread keeps the model thread busy on a machine with two cores. Measured against running every chunk
 * on the calling thread alone (2 cores at load 5–9, 14:48 and 15:21 UTC), the pipeline ran at 0.74–3.1×
 * the native loop and the calling thread alone at 0.46–1.6×. Also measured and dropped: the other split
 * (a filler thread for the stimulus, the caller simulating and observing: the same CPU per cycle) and
 * chunks of 16–512 KiB (alike up to 256 KiB, 512 KiB worse).
 *
 * <p>Stopping early: when the observer throws, the model thread stops after its current chunk (those cycles
 * are simulated, not observed); when the stimulus throws, its chunk is not simulated, and the chunks
 * before it are, and are observed; when a value does not fit, the cycles before it are simulated and
 * observed, and no later one is. Either way the error is rethrown once the
 * model thread has stopped, and the model's inputs hold the last cycle it simulated.
 */
final class NativeBatch {
    private static final int CHUNK_BYTES = 64 * 1024;  // small keeps a critical call short
    private static final int MAX_CHUNK_CYCLES = 1 << 12;
    private static final int CHUNKS = 4;  // one filled or observed by the caller, one simulated, two queued

    private final NativeSession session;
    private final BatchColumns cols;
    /** The output nets the model writes: none without an observer. */
    private final int[] outLanes;

    NativeBatch(NativeSession session, BatchColumns cols, boolean observed) {
        this.session = session;
        this.cols = cols;
        this.outLanes = observed ? cols.outLanes : new int[0];
    }

    /** A chunk's cycles as block columns and as the flat column buffers the model reads and writes. */
    private static final class Chunk {
        final long[][] in;
        final long[][] out;
        final long[] inFlat;
        final long[] outFlat;
        long first;
        int cycles;
        /** After simulating: the error for the input value that did not fit at cycle {@code first + cycles}, or null. */
        IllegalArgumentException misfit;
        /** Whether this is the model thread's end marker. */
        final boolean end;
        /** For the model thread's end marker: why it stopped, null when told to. */
        Throwable error;

        Chunk(BatchColumns cols, int rows) {
            in = cols.inBlock.allocate(rows);
            out = cols.outBlock.allocate(rows);
            inFlat = new long[rows * cols.inLongs];
            outFlat = new long[rows * cols.outLongs];
            end = false;
        }

        private Chunk(Throwable error) {
            in = out = new long[0][];
            inFlat = outFlat = new long[0];
            end = true;
            this.error = error;
        }
    }

    void run(long cycles, BlockStimulus stimulus, BlockObserver observer) {
        long[] last = session.inputValues(cols);
        int widest = 8 * Math.max(1, Math.max(cols.inLongs, cols.outLongs));
        int rows = (int) Math.max(1, Math.min(Math.min(MAX_CHUNK_CYCLES, CHUNK_BYTES / widest), cycles));
        if (cycles <= rows || Boolean.getBoolean("dn.single")) {
            // One chunk, on the calling thread: a thread would cost more than it saves (reactive testbenches
            // run many one-cycle batches).
            runOnCaller(cycles, rows, last, stimulus, observer);
            return;
        }
        new Pipeline(cycles, rows, last).run(stimulus, observer);
    }

    /** The batch chunk after chunk on the calling thread alone. */
    private void runOnCaller(long cycles, int rows, long[] last, BlockStimulus stimulus, BlockObserver observer) {
        Chunk c = new Chunk(cols, rows);
        for (long next = 0; next < cycles; next += c.cycles) {
            fill(c, next, (int) Math.min(rows, cycles - next), last, stimulus);
            simulate(c);
            observe(c, observer);
            if (c.misfit != null) throw c.misfit;
        }
    }

    /** Fills {@code c} with cycles {@code [at, at + k)}, continuing from the inputs' values {@code prev}, which then hold the last cycle's. */
    private void fill(Chunk c, long at, int k, long[] prev, BlockStimulus stimulus) {
        cols.hold(prev, c.in, k);
        if (stimulus != null) stimulus.fill(at, k, c.in);
        cols.flatten(c.in, k, c.inFlat);
        if (k > 0) cols.keepLast(c.in, k, prev);
        c.first = at;
        c.cycles = k;
    }

    /**
     * Simulates the cycles of {@code c}, or those before the first input value that does not fit (then
     * {@code c.cycles} counts them and {@code c.misfit} says which value): the model's input storage then
     * holds the last simulated cycle's inputs.
     */
    private void simulate(Chunk c) {
        int ran = session.batchChunk(cols.inLanes, outLanes, c.cycles, c.inFlat, c.outFlat);
        if (ran < c.cycles) {
            c.misfit = cols.inBlock.misfitAt(c.in, ran, c.first + ran);
            c.cycles = ran;
        }
    }

    private void observe(Chunk c, BlockObserver observer) {
        if (observer == null || c.cycles == 0) return;
        cols.unflatten(c.outFlat, c.cycles, c.out);
        observer.observe(c.first, c.cycles, c.out);
    }

    /** A batch of several chunks: the caller fills and observes, a model thread simulates. */
    private final class Pipeline {
        private final long cycles;
        private final int rows;
        private final long[] last;
        /** Filled chunks for the model thread; then the caller's end marker. */
        private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
        /** Simulated chunks back to the caller; then the model thread's end marker. */
        private final BlockingQueue<Chunk> done = new ArrayBlockingQueue<>(CHUNKS + 1);
        private final Chunk stopMarker = new Chunk(null);
        /** Set by the caller when the observer threw: the model thread simulates no further chunk. */
        private volatile boolean stop;

        Pipeline(long cycles, int rows, long[] last) {
            this.cycles = cycles;
            this.rows = rows;
            this.last = last;
        }

        void run(BlockStimulus stimulus, BlockObserver observer) {
            ArrayDeque<Chunk> free = new ArrayDeque<>();
            for (int i = 0; i < CHUNKS; i++) free.push(new Chunk(cols, rows));
            Thread model = Thread.ofPlatform().daemon().name("native-batch-model").start(this::simulateAll);
            Throwable error = null;      // the observer's, the model's or a misfit: in a chunk already sent
            Throwable fillError = null;  // the stimulus's: in the chunk after the ones sent, so it comes last
            boolean modelEnded = false;
            long next = 0;
            int inFlight = 0;
            try {
                while (true) {
                    while (error == null && fillError == null && next < cycles && !free.isEmpty()) {
                        Chunk c = free.pop();
                        int k = (int) Math.min(rows, cycles - next);
                        try {
                            fill(c, next, k, last, stimulus);
                        } catch (Throwable t) {
                            fillError = t;  // this chunk is not simulated; the ones sent are, and are observed
                            break;
                        }
                        filled.add(c);  // never blocks: the queue holds every chunk
                        inFlight++;
                        next += k;
                    }
                    if (inFlight == 0) break;
                    Chunk c = done.take();
                    if (c.end) {  // the model thread ended: the model failed, a value did not fit, or it was told to stop
                        modelEnded = true;
                        if (error == null) error = c.error;
                        break;
                    }
                    inFlight--;
                    if (!stop) {
                        try {
                            observe(c, observer);
                        } catch (Throwable t) {
                            if (error == null) error = t;
                            stop = true;  // the model thread stops after its current chunk
                        }
                    }
                    free.push(c);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop = true;
                if (error == null) error = e;
            }
            if (error == null) error = fillError;
            stop = true;
            filled.add(stopMarker);
            if (!modelEnded) awaitEnd();
            joinQuietly(model);
            if (error instanceof RuntimeException r) throw r;
            if (error instanceof Error e) throw e;
            if (error != null) throw new IllegalStateException(error);
        }

        /** The model thread: simulates filled chunks in order until told to stop or the model fails. */
        private void simulateAll() {
            Throwable error = null;
            try {
                while (true) {
                    Chunk c = filled.take();
                    if (c == stopMarker || stop) break;
                    simulate(c);
                    done.add(c);
                    if (c.misfit != null) {
                        error = c.misfit;  // the cycles before it are observed first
                        break;
                    }
                }
            } catch (Throwable t) {
                error = t;
            }
            done.add(new Chunk(error));
        }

        /** Waits, without giving up on an interrupt, for the model thread's end marker. */
        private void awaitEnd() {
            boolean interrupted = false;
            while (true) {
                try {
                    if (done.take().end) break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread worker) {
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
