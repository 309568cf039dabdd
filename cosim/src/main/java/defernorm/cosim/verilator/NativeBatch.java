package defernorm.cosim.verilator;

import defernorm.cosim.Simulation.Observer;
import defernorm.cosim.Simulation.Stimulus;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One {@code runBatch} in-process, as a three-stage pipeline over chunks of rows: a filler thread fills
 * input rows from the stimulus, a simulator thread runs each filled chunk with one downcall (the model
 * reads and writes the Java arrays directly), and the calling thread hands the output rows to the
 * observer. So the stimulus, the model and the observer all overlap, as in the isolated mode (writer
 * thread, child process, reader), without a pipe or a copy.
 *
 * <p>Stopping early: when the observer throws, the simulator stops after its current chunk (those cycles
 * are simulated, not observed); when the stimulus throws, its chunk is not simulated (the chunks before
 * it are, and are observed). Either way the error is rethrown once both threads have stopped, and
 * {@code row} holds the last input row the model saw.
 */
final class NativeBatch {
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int MAX_CHUNK_CYCLES = 1 << 12;
    private static final int BUFFERS = 4;  // one being filled, one simulated, one observed, one spare

    private final NativeSession session;
    private final BatchColumns cols;
    private final int[] ins;
    private final int[] outs;

    NativeBatch(NativeSession session, BatchColumns cols) {
        this.session = session;
        this.cols = cols;
        this.ins = cols.inIndexes;
        this.outs = cols.outIndexes;
    }

    /** A chunk's rows; {@code cycles == 0} marks the last hand-over of a stage (with its {@code error}, if any). */
    private static final class Chunk {
        final byte[] in;
        final byte[] out;
        long first;
        int cycles;
        Throwable error;

        Chunk(int rows, int inRow, int outRow) {
            in = new byte[rows * inRow];
            out = new byte[rows * outRow];
        }

        static Chunk end(Throwable error) {
            Chunk c = new Chunk(0, 0, 0);
            c.error = error;
            return c;
        }
    }

    void run(long cycles, byte[] row, Stimulus stimulus, Observer observer) {
        int widest = Math.max(1, Math.max(cols.inRow, cols.outRow));
        int rows = (int) Math.max(1, Math.min(Math.min(MAX_CHUNK_CYCLES, CHUNK_BYTES / widest), cycles));
        if (cycles <= rows) {
            runInline((int) cycles, row, stimulus, observer);  // one chunk: a thread would cost more than it saves
            return;
        }
        // Every queue can hold all the chunks plus an end marker, so no put ever blocks.
        BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
        BlockingQueue<Chunk> done = new ArrayBlockingQueue<>(BUFFERS + 1);
        for (int i = 0; i < BUFFERS; i++) free.add(new Chunk(rows, cols.inRow, cols.outRow));
        byte[] last = row.clone();
        Thread filler = Thread.ofPlatform().daemon().name("native-batch-stimulus").start(
                () -> fill(cycles, rows, row.clone(), stimulus, free, filled));
        Thread simulator = Thread.ofPlatform().daemon().name("native-batch-model").start(
                () -> simulate(last, filled, done));
        Throwable error = null;
        try {
            while (true) {
                Chunk c = done.take();
                if (c.cycles == 0) {
                    if (error == null) error = c.error;
                    break;
                }
                if (observer != null && error == null) {
                    BatchColumns.Reader reader = cols.reader(c.out);
                    try {
                        for (int i = 0; i < c.cycles; i++) {
                            reader.base = i * cols.outRow;
                            observer.observe(c.first + i, reader);
                        }
                    } catch (Throwable t) {
                        error = t;
                        filler.interrupt();
                        simulator.interrupt();  // it ends after its current chunk and sends the end marker
                    }
                }
                free.offer(c);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            filler.interrupt();
            simulator.interrupt();
            error = e;
        }
        filler.interrupt();  // stopped already unless the simulator stopped first (the model failed)
        joinQuietly(filler);
        joinQuietly(simulator);
        System.arraycopy(last, 0, row, 0, row.length);
        if (error instanceof RuntimeException r) throw r;
        if (error instanceof Error e) throw e;
        if (error != null) throw new IllegalStateException(error);
    }

    /** A batch of one chunk, on the calling thread (reactive testbenches run many one-cycle batches). */
    private void runInline(int cycles, byte[] row, Stimulus stimulus, Observer observer) {
        Chunk c = new Chunk(cycles, cols.inRow, cols.outRow);
        byte[] prev = row.clone();
        fillRows(c, 0, cycles, prev, stimulus);
        simulateRows(c, row, new long[1]);  // updates row only once the model ran
        if (observer == null) return;
        BatchColumns.Reader reader = cols.reader(c.out);
        for (int i = 0; i < cycles; i++) {
            reader.base = i * cols.outRow;
            observer.observe(i, reader);
        }
    }

    /** Fills {@code k} rows of {@code c} from the stimulus, continuing from {@code prev}, which then holds the last row. */
    private void fillRows(Chunk c, long at, int k, byte[] prev, Stimulus stimulus) {
        int inRow = cols.inRow;
        BatchColumns.Writer writer = cols.writer(c.in);
        System.arraycopy(prev, 0, c.in, 0, inRow);  // unset columns hold their value
        for (int i = 0; i < k; i++) {
            int base = i * inRow;
            if (i > 0) System.arraycopy(c.in, base - inRow, c.in, base, inRow);
            writer.base = base;
            writer.cycle = at + i;
            if (stimulus != null) stimulus.drive(at + i, writer);
        }
        if (k > 0) System.arraycopy(c.in, (k - 1) * inRow, prev, 0, inRow);
        c.first = at;
        c.cycles = k;
    }

    /** Simulates the rows of {@code c}; {@code last} then holds the last input row the model saw. */
    private void simulateRows(Chunk c, byte[] last, long[] ran) {
        long n = session.batchChunk(ins, outs, c.cycles, c.in, c.out, ran);
        if (n > 0) System.arraycopy(c.in, (int) (n - 1) * cols.inRow, last, 0, cols.inRow);
    }

    /** The filler: takes free chunks, fills them, passes them on; an end marker says it has stopped. */
    private void fill(long cycles, int rows, byte[] prev, Stimulus stimulus, BlockingQueue<Chunk> free,
                      BlockingQueue<Chunk> filled) {
        Throwable error = null;
        try {
            for (long at = 0; at < cycles && !Thread.currentThread().isInterrupted(); ) {
                Chunk c = free.take();
                int k = (int) Math.min(rows, cycles - at);
                fillRows(c, at, k, prev, stimulus);
                filled.add(c);
                at += k;
            }
        } catch (InterruptedException e) {
            // the batch was stopped
        } catch (Throwable t) {
            error = t;
        }
        filled.add(Chunk.end(error));
    }

    /** The simulator: runs filled chunks until the filler's end marker, then passes an end marker on. */
    private void simulate(byte[] last, BlockingQueue<Chunk> filled, BlockingQueue<Chunk> done) {
        long[] ran = new long[1];
        Throwable error = null;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Chunk c = filled.take();
                if (c.cycles == 0) {
                    error = c.error;
                    break;
                }
                simulateRows(c, last, ran);
                done.add(c);
            }
        } catch (InterruptedException e) {
            // the batch was stopped
        } catch (Throwable t) {
            error = t;
        }
        done.add(Chunk.end(error));
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
