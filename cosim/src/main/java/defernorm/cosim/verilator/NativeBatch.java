package defernorm.cosim.verilator;

import defernorm.cosim.Simulation.BlockObserver;
import defernorm.cosim.Simulation.BlockStimulus;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * One {@code runBatch} in-process, over chunks of cycles. Each chunk is one downcall ({@code
 * dn_batch_columns}): the model stores its inputs straight from the block columns the stimulus filled,
 * range-checking each value as it stores it, and loads its outputs straight into the block columns the
 * observer reads (a batch with more than {@link #DIRECT_COLUMNS} columns, or a short one, copies them
 * through one buffer each way instead: {@code dn_batch_flat}).
 *
 * <p>Chunks run as a two-thread pipeline (a model thread, made by {@code SimOptions.batchThreads}, simulates
 * chunk k while the calling thread fills chunk k+1 from the stimulus and hands chunk k-1's outputs to the
 * observer) or on the calling thread alone, whichever {@link ModeChooser} finds faster as it goes: the
 * pipeline wins while a second core is free; when other work keeps both cores busy it only adds the cost of
 * handing each chunk's columns to the other core. Chunks of 16–512 KiB measured alike up to 256 KiB, 512 KiB worse (a chunk is a critical call,
 * which holds the garbage collector off: small keeps it short).
 *
 * <p>Stopping early: when the observer throws, no chunk after the one being simulated is simulated (those
 * cycles are simulated, not observed); when the stimulus throws, its chunk is not simulated, and the
 * chunks before it are, and are observed; when a value does not fit, the cycles before it are simulated
 * and observed, and no later one is. Either way the error is rethrown once the model thread has stopped,
 * and the model's inputs hold the last cycle it simulated.
 */
final class NativeBatch {
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int MAX_CHUNK_CYCLES = 1 << 12;
    private static final int CHUNKS = 4;  // one filled or observed by the caller, one simulated, two queued
    /** Most columns passed one by one (a downcall takes a bounded number of arguments). */
    static final int DIRECT_COLUMNS = 64;
    /** Fewest cycles passed one column at a time: shorter batches (a reactive testbench's) copy instead, which costs less than the spread call. */
    private static final int DIRECT_MIN_CYCLES = 256;

    private final NativeSession session;
    /** Makes the model thread of a pipelined batch. */
    private final ThreadFactory threads;
    private final BatchColumns cols;
    /** The output nets the model writes: none without an observer. */
    private final int[] outLanes;
    private final MemorySegment inLanesSegment;
    private final MemorySegment outLanesSegment;

    NativeBatch(NativeSession session, BatchColumns cols, boolean observed, ThreadFactory threads) {
        this.session = session;
        this.threads = threads;
        this.cols = cols;
        this.outLanes = observed ? cols.outLanes : new int[0];
        this.inLanesSegment = MemorySegment.ofArray(cols.inLanes);
        this.outLanesSegment = MemorySegment.ofArray(outLanes);
    }

    /** A chunk's cycles as block columns, and how the model reaches them. */
    private final class Chunk {
        final long[][] in;
        final long[][] out;
        /** Direct: every column's array, inputs then outputs; else null. */
        final MemorySegment[] columns;
        /** Not direct: the columns back to back, each way; else null. */
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

        Chunk(int rows, boolean direct) {
            in = cols.inBlock.allocate(rows);
            out = cols.outBlock.allocate(rows);
            if (direct) {
                columns = new MemorySegment[in.length + outLanes.length];
                for (int i = 0; i < in.length; i++) columns[i] = MemorySegment.ofArray(in[i]);
                for (int j = 0; j < outLanes.length; j++) columns[in.length + j] = MemorySegment.ofArray(out[j]);
                inFlat = outFlat = null;
            } else {
                columns = null;
                inFlat = new long[rows * cols.inLongs];
                outFlat = new long[rows * cols.outLongs];
            }
            end = false;
        }

        Chunk(Throwable error) {
            in = out = new long[0][];
            columns = null;
            inFlat = outFlat = null;
            end = true;
            this.error = error;
        }
    }

    void run(long cycles, BlockStimulus stimulus, BlockObserver observer) {
        long[] last = session.inputValues(cols);
        int widest = 8 * Math.max(1, Math.max(cols.inLongs, cols.outLongs));
        int rows = (int) Math.max(1, Math.min(Math.min(MAX_CHUNK_CYCLES, CHUNK_BYTES / widest), cycles));
        boolean direct = cols.ins.size() + outLanes.length <= DIRECT_COLUMNS && cycles >= DIRECT_MIN_CYCLES;
        if (cycles <= rows) {
            // One chunk, on the calling thread: a thread would cost more than it saves (reactive testbenches
            // run many one-cycle batches).
            Chunk c = new Chunk(rows, direct);
            fill(c, 0, (int) cycles, last, stimulus);
            simulate(c);
            observe(c, observer);
            if (c.misfit != null) throw c.misfit;
            return;
        }
        new Pipeline(cycles, rows, direct, last).run(stimulus, observer);
    }

    /** Fills {@code c} with cycles {@code [at, at + k)}, continuing from the inputs' values {@code prev}, which then hold the last cycle's. */
    private void fill(Chunk c, long at, int k, long[] prev, BlockStimulus stimulus) {
        cols.hold(prev, c.in, k);
        if (stimulus != null) stimulus.fill(at, k, c.in);
        if (c.inFlat != null) cols.flatten(c.in, k, c.inFlat);
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
        int nIn = cols.inLanes.length;
        int ran = c.columns != null
                ? session.batchColumns(inLanesSegment, nIn, outLanesSegment, outLanes.length, c.cycles, c.columns)
                : session.batchFlat(inLanesSegment, nIn, outLanesSegment, outLanes.length, c.cycles, c.inFlat, c.outFlat);
        if (ran < c.cycles) {
            c.misfit = cols.inBlock.misfitAt(c.in, ran, c.first + ran);
            c.cycles = ran;
        }
    }

    private void observe(Chunk c, BlockObserver observer) {
        if (observer == null || c.cycles == 0) return;
        if (c.outFlat != null) cols.unflatten(c.outFlat, c.cycles, c.out);
        observer.observe(c.first, c.cycles, c.out);
    }

    /** A batch of several chunks: the caller fills and observes; a model thread or the caller simulates. */
    private final class Pipeline {
        private final long cycles;
        private final int rows;
        private final boolean direct;
        private final long[] last;
        /** Filled chunks for the model thread; then the caller's end marker. */
        private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
        /** Simulated chunks back to the caller; then the model thread's end marker. */
        private final BlockingQueue<Chunk> done = new ArrayBlockingQueue<>(CHUNKS + 1);
        private final Chunk stopMarker = new Chunk(null);
        /** Set by the caller when the observer threw: the model thread simulates no further chunk. */
        private volatile boolean stop;

        Pipeline(long cycles, int rows, boolean direct, long[] last) {
            this.cycles = cycles;
            this.rows = rows;
            this.direct = direct;
            this.last = last;
        }

        void run(BlockStimulus stimulus, BlockObserver observer) {
            ArrayDeque<Chunk> free = new ArrayDeque<>();
            for (int i = 0; i < CHUNKS; i++) free.push(new Chunk(rows, direct));
            Thread model = threads.newThread(this::simulateAll);
            if (model == null) {
                throw new IllegalStateException("SimOptions.batchThreads made no thread (its factory returned null); "
                        + "give it a factory that returns a new, unstarted thread");
            }
            model.start();
            ModeChooser mode = new ModeChooser();
            Throwable error = null;      // the observer's, the model's or a misfit: in a chunk already simulated
            Throwable fillError = null;  // the stimulus's: in the chunk after the ones simulated, so it comes last
            boolean modelEnded = false;
            long next = 0;
            int inFlight = 0;
            try {
                while (true) {
                    boolean more = error == null && fillError == null && next < cycles;
                    if (mode.onCaller() && inFlight == 0) {
                        if (!more) break;
                        Chunk c = free.peek();
                        int k = (int) Math.min(rows, cycles - next);
                        try {
                            fill(c, next, k, last, stimulus);
                        } catch (Throwable t) {
                            fillError = t;
                            break;
                        }
                        next += k;
                        try {
                            simulate(c);
                        } catch (Throwable t) {
                            error = t;  // the model stopped
                            break;
                        }
                        try {
                            observe(c, observer);
                        } catch (Throwable t) {
                            error = t;
                            break;
                        }
                        if (c.misfit != null) {
                            error = c.misfit;
                            break;
                        }
                        mode.chunkDone(c.cycles, true);
                        continue;
                    }
                    while (more && !mode.onCaller() && !free.isEmpty()) {
                        Chunk c = free.pop();
                        int k = (int) Math.min(rows, cycles - next);
                        try {
                            fill(c, next, k, last, stimulus);
                        } catch (Throwable t) {
                            fillError = t;  // this chunk is not simulated; the ones sent are, and are observed
                            free.push(c);
                            break;
                        }
                        filled.add(c);  // never blocks: the queue holds every chunk
                        inFlight++;
                        next += k;
                        more = next < cycles;
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
                    mode.chunkDone(c.cycles, false);
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
