package defernorm.cosim.verilator;

import defernorm.cosim.Simulation.Observer;
import defernorm.cosim.Simulation.Stimulus;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One {@code runBatch} in-process, as a two-stage pipeline: a worker thread fills a chunk of input rows
 * from the stimulus and simulates it with one downcall (the model reads and writes the Java arrays
 * directly), while the calling thread hands the previous chunk's output rows to the observer. So the
 * observer's work overlaps the model's, as in the isolated mode, without a pipe or a copy.
 *
 * <p>Stopping early: when the observer throws, the worker stops after its current chunk (those cycles
 * are simulated, not observed); when the stimulus throws, its chunk is not simulated. Either way the
 * error is rethrown once the worker has stopped, and {@code row} holds the last input row the model saw.
 */
final class NativeBatch {
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int MAX_CHUNK_CYCLES = 1 << 12;
    private static final int BUFFERS = 3;  // one being simulated, one being observed, one spare

    private final NativeSession session;
    private final BatchColumns cols;
    private final int[] ins;
    private final int[] outs;

    NativeBatch(NativeSession session, BatchColumns cols) {
        this.session = session;
        this.cols = cols;
        this.ins = BatchColumns.indexes(cols.ins);
        this.outs = BatchColumns.indexes(cols.outs);
    }

    /** A chunk's rows; {@code cycles == 0} with an {@code error} or at the end marks the last hand-over. */
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
    }

    void run(long cycles, byte[] row, Stimulus stimulus, Observer observer) {
        int widest = Math.max(1, Math.max(cols.inRow, cols.outRow));
        int rows = (int) Math.max(1, Math.min(Math.min(MAX_CHUNK_CYCLES, CHUNK_BYTES / widest), cycles));
        if (cycles <= rows) {
            runInline((int) cycles, row, stimulus, observer);  // one chunk: a thread would cost more than it saves
            return;
        }
        BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<Chunk> done = new ArrayBlockingQueue<>(BUFFERS + 1);
        for (int i = 0; i < BUFFERS; i++) free.add(new Chunk(rows, cols.inRow, cols.outRow));
        byte[] last = row.clone();
        Thread worker = Thread.ofPlatform().daemon().name("native-batch").start(
                () -> simulate(cycles, rows, last, stimulus, free, done));
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
                        free.clear();  // the worker finds no buffer, ends its loop after the current chunk
                        stopWorker(worker);
                    }
                }
                free.offer(c);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopWorker(worker);
            error = e;
        }
        joinQuietly(worker);
        System.arraycopy(last, 0, row, 0, row.length);
        if (error instanceof RuntimeException r) throw r;
        if (error instanceof Error e) throw e;
        if (error != null) throw new IllegalStateException(error);
    }

    /** A batch of one chunk, on the calling thread (reactive testbenches run many one-cycle batches). */
    private void runInline(int cycles, byte[] row, Stimulus stimulus, Observer observer) {
        Chunk c = new Chunk(cycles, cols.inRow, cols.outRow);
        fillAndSimulate(c, 0, cycles, row, stimulus, new long[1]);  // updates row only once the model ran
        if (observer == null) return;
        BatchColumns.Reader reader = cols.reader(c.out);
        for (int i = 0; i < cycles; i++) {
            reader.base = i * cols.outRow;
            observer.observe(i, reader);
        }
    }

    /** Fills {@code k} rows of {@code c} from the stimulus (starting from {@code last}) and simulates them. */
    private void fillAndSimulate(Chunk c, long at, int k, byte[] last, Stimulus stimulus, long[] ran) {
        int inRow = cols.inRow;
        BatchColumns.Writer writer = cols.writer(c.in);
        byte[] prev = last;
        int prevAt = 0;
        for (int i = 0; i < k; i++) {
            int base = i * inRow;
            System.arraycopy(prev, prevAt, c.in, base, inRow);  // unset columns hold their value
            writer.base = base;
            writer.cycle = at + i;
            if (stimulus != null) stimulus.drive(at + i, writer);
            prev = c.in;
            prevAt = base;
        }
        long n = session.batchChunk(ins, outs, k, c.in, c.out, ran);
        if (n > 0) System.arraycopy(c.in, (int) (n - 1) * inRow, last, 0, inRow);
        c.first = at;
        c.cycles = k;
    }

    /** The worker: fill, simulate, hand over; a final chunk with no cycles says it has stopped. */
    private void simulate(long cycles, int rows, byte[] last, Stimulus stimulus, BlockingQueue<Chunk> free,
                          BlockingQueue<Chunk> done) {
        long[] ran = new long[1];
        Throwable error = null;
        try {
            long at = 0;
            while (at < cycles && !Thread.currentThread().isInterrupted()) {
                Chunk c = free.take();
                int k = (int) Math.min(rows, cycles - at);
                fillAndSimulate(c, at, k, last, stimulus, ran);
                done.put(c);
                at += k;
            }
        } catch (InterruptedException e) {
            // the caller stopped the batch
        } catch (Throwable t) {
            error = t;
        }
        Chunk end = new Chunk(0, 0, 0);
        end.error = error;
        done.add(end);
    }

    private static void stopWorker(Thread worker) { worker.interrupt(); }

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
