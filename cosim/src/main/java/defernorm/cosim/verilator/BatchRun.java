package defernorm.cosim.verilator;

import defernorm.cosim.Simulation.BlockObserver;
import defernorm.cosim.Simulation.BlockStimulus;
import java.util.Arrays;
import java.util.List;

/**
 * One {@code runBatch}: a writer thread fills blocks from the stimulus and streams them as chunks of packed
 * input rows (each chunk one BATCH command) to the child ahead of time, while the calling thread reads the
 * output rows back and hands them to the observer in cycle order, a block per read. The pipe never waits for a round trip, which is what makes
 * batches nearly as fast as a native C++ loop.
 *
 * <p>The writer stays at most {@link #AHEAD_CHUNKS} chunks ahead of the rows read back, so an early stop
 * wastes a bounded number of simulated cycles whatever the pipes and the scheduler do.
 *
 * <p>Stopping early (the observer or stimulus throws, or the child fails): the writer stops after the
 * chunk it is on, the reader drains every row of the chunks already sent, and only then is the error
 * rethrown, so the protocol stays in step and {@link #cyclesRun()} says how far the model got.
 */
final class BatchRun {
    private static final int CHUNK_BYTES = 128 * 1024;
    private static final int MAX_CHUNK_CYCLES = 1 << 16;
    /** Chunks the writer may have sent beyond the rows read back: two keep the child busy. */
    private static final int AHEAD_CHUNKS = 2;

    private final ModelProcess proc;
    private final BatchColumns cols;
    private final List<NetSpec> ins;
    private final List<NetSpec> outs;
    private final long cycles;
    private final int inRow;
    private final int outRow;

    private final Object lock = new Object();
    private long sent;            // cycles whose stimulus the child has been sent (guarded by lock)
    private long readBack;        // cycles whose outputs the reader has read (guarded by lock)
    private boolean writerDone;   // guarded by lock
    private Throwable writerError; // guarded by lock
    private Throwable firstError;  // from the observer; reader thread only
    private volatile boolean stop;
    private byte[] lastRow;
    private long cyclesRun;

    /** {@code initialInputs} is the current value of every input column, packed as one row. */
    BatchRun(ModelProcess proc, BatchColumns cols, long cycles, byte[] initialInputs) {
        this.proc = proc;
        this.cols = cols;
        this.ins = cols.ins;
        this.outs = cols.outs;
        this.cycles = cycles;
        this.inRow = cols.inRow;
        this.outRow = cols.outRow;
        this.lastRow = initialInputs.clone();
    }

    /** Cycles the model simulated (every cycle sent, whether or not it was observed). */
    long cyclesRun() { return cyclesRun; }

    /** The input row of the last cycle sent: the inputs' values after the batch. */
    byte[] lastInputs() { return lastRow; }

    void run(BlockStimulus stimulus, BlockObserver observer) {
        Thread writer = new Thread(() -> write(stimulus), "batch-writer");
        writer.setDaemon(true);
        writer.start();
        Throwable error = null;
        try {
            read(observer);
        } catch (Throwable t) {
            error = t;
            halt();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            cyclesRun = sent;
            if (error == null) error = firstError;
            if (error == null) error = writerError;
        }
        if (error instanceof RuntimeException r) throw r;
        if (error instanceof Error e) throw e;
        if (error != null) throw new IllegalStateException(error);
    }

    private void read(BlockObserver observer) {
        // Rows are handed on as soon as they arrive (a partial read keeps its incomplete last row), so
        // the observer works while the child computes the next rows instead of waiting for whole chunks.
        int blockRows = outRow == 0 ? MAX_CHUNK_CYCLES : Math.max(1, (1 << 18) / outRow);
        byte[] block = new byte[blockRows * outRow];
        long[][] columns = cols.outBlock.allocate(blockRows);
        long done = 0;
        int have = 0;  // bytes in block, always less than one row between reads
        while (true) {
            long avail;
            synchronized (lock) {
                while (sent <= done && !writerDone) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stop = true;
                    }
                }
                avail = sent;
            }
            if (avail <= done) return;
            while (done < avail) {
                int rows;
                if (outRow == 0) {
                    rows = (int) Math.min(avail - done, blockRows);
                } else {
                    long owed = (avail - done) * outRow - have;
                    have += proc.readSome(block, have, (int) Math.min(owed, block.length - have), "running a batch");
                    rows = have / outRow;
                }
                if (rows > 0 && firstError == null && observer != null) {
                    cols.unpack(block, 0, rows, columns, 0);
                    try {
                        observer.observe(done, rows, columns);
                    } catch (Throwable t) {
                        firstError = t;
                        halt();  // drain what was sent, observe no more
                    }
                }
                done += rows;
                synchronized (lock) {
                    readBack = done;
                    lock.notifyAll();
                }
                if (outRow > 0) {
                    int used = rows * outRow;
                    System.arraycopy(block, used, block, 0, have - used);
                    have -= used;
                }
            }
        }
    }

    /** Tells the writer to send no further chunk, waking it if it waits for room. */
    private void halt() {
        synchronized (lock) {
            stop = true;
            lock.notifyAll();
        }
    }

    /** The writer waits until fewer than {@link #AHEAD_CHUNKS} chunks are unread; false when told to stop. */
    private boolean awaitRoom(long sentSoFar, int chunkCycles) throws InterruptedException {
        synchronized (lock) {
            while (!stop && sentSoFar - readBack >= (long) AHEAD_CHUNKS * chunkCycles) lock.wait();
            return !stop;
        }
    }

    private void write(BlockStimulus stimulus) {
        try {
            int header = 1 + 4 + 4 + 8 + 4 * ins.size() + 4 * outs.size();
            int chunkCycles = inRow == 0 ? MAX_CHUNK_CYCLES : Math.max(1, Math.min(MAX_CHUNK_CYCLES, CHUNK_BYTES / inRow));
            byte[] buf = new byte[header + chunkCycles * inRow];
            long[][] columns = cols.inBlock.allocate(chunkCycles);
            long done = 0;
            while (done < cycles && awaitRoom(done, chunkCycles)) {
                int k = (int) Math.min(chunkCycles, cycles - done);
                int at = 0;
                buf[at++] = Protocol.BATCH;
                WireValues.putInt(buf, at, ins.size());
                WireValues.putInt(buf, at + 4, outs.size());
                WireValues.putLong(buf, at + 8, k);
                at += 16;
                for (NetSpec n : ins) { WireValues.putInt(buf, at, n.index()); at += 4; }
                for (NetSpec n : outs) { WireValues.putInt(buf, at, n.index()); at += 4; }
                cols.hold(lastRow, columns, k);  // unset columns hold their value
                if (stimulus != null) stimulus.fill(done, k, columns);
                cols.pack(columns, k, done, buf, at);
                proc.write(buf, 0, at + k * inRow);
                proc.flush();
                lastRow = Arrays.copyOfRange(buf, at + (k - 1) * inRow, at + k * inRow);
                done += k;
                synchronized (lock) {
                    sent = done;
                    lock.notifyAll();
                }
            }
        } catch (Throwable t) {
            synchronized (lock) {
                writerError = t;
            }
        } finally {
            synchronized (lock) {
                writerDone = true;
                lock.notifyAll();
            }
        }
    }
}
