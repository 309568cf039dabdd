package defernorm.cosim.verilator;

import defernorm.cosim.Simulation.Observer;
import defernorm.cosim.Simulation.Stimulus;
import java.util.Arrays;
import java.util.List;

/**
 * One {@code runBatch}: a writer thread calls the stimulus and streams chunks of input rows (each chunk
 * one BATCH command) to the child ahead of time, while the calling thread reads the output rows back and
 * hands them to the observer in cycle order. The pipe never waits for a round trip, which is what makes
 * batches nearly as fast as a native C++ loop.
 *
 * <p>Stopping early (the observer or stimulus throws, or the child fails): the writer stops after the
 * chunk it is on, the reader drains every row of the chunks already sent, and only then is the error
 * rethrown, so the protocol stays in step and {@link #cyclesRun()} says how far the model got.
 */
final class BatchRun {
    private static final int CHUNK_BYTES = 128 * 1024;
    private static final int MAX_CHUNK_CYCLES = 1 << 16;

    private final ModelProcess proc;
    private final BatchColumns cols;
    private final List<NetSpec> ins;
    private final List<NetSpec> outs;
    private final long cycles;
    private final int inRow;
    private final int outRow;

    private final Object lock = new Object();
    private long sent;            // cycles whose stimulus the child has been sent (guarded by lock)
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

    void run(Stimulus stimulus, Observer observer) {
        Thread writer = new Thread(() -> write(stimulus), "batch-writer");
        writer.setDaemon(true);
        writer.start();
        Throwable error = null;
        try {
            read(observer);
        } catch (Throwable t) {
            error = t;
            stop = true;
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

    private void read(Observer observer) {
        // Rows are handed on as soon as they arrive (a partial read keeps its incomplete last row), so
        // the observer works while the child computes the next rows instead of waiting for whole blocks.
        byte[] block = new byte[outRow == 0 ? 0 : Math.max(outRow, (1 << 18) / outRow * outRow)];
        BatchColumns.Reader row = cols.reader(block);
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
                    rows = (int) Math.min(avail - done, Integer.MAX_VALUE);
                } else {
                    long owed = (avail - done) * outRow - have;
                    have += proc.readSome(block, have, (int) Math.min(owed, block.length - have), "running a batch");
                    rows = have / outRow;
                }
                for (int r = 0; r < rows; r++, done++) {
                    if (firstError != null || observer == null) continue;
                    row.base = r * outRow;
                    try {
                        observer.observe(done, row);
                    } catch (Throwable t) {
                        firstError = t;
                        stop = true;  // drain what was sent, observe no more
                    }
                }
                if (outRow > 0) {
                    int used = rows * outRow;
                    System.arraycopy(block, used, block, 0, have - used);
                    have -= used;
                }
            }
        }
    }

    private void write(Stimulus stimulus) {
        try {
            int header = 1 + 4 + 4 + 8 + 4 * ins.size() + 4 * outs.size();
            int chunkCycles = inRow == 0 ? MAX_CHUNK_CYCLES : Math.max(1, Math.min(MAX_CHUNK_CYCLES, CHUNK_BYTES / inRow));
            byte[] buf = new byte[header + chunkCycles * inRow];
            BatchColumns.Writer row = cols.writer(buf);
            long done = 0;
            while (done < cycles && !stop) {
                int k = (int) Math.min(chunkCycles, cycles - done);
                int at = 0;
                buf[at++] = Protocol.BATCH;
                WireValues.putInt(buf, at, ins.size());
                WireValues.putInt(buf, at + 4, outs.size());
                WireValues.putLong(buf, at + 8, k);
                at += 16;
                for (NetSpec n : ins) { WireValues.putInt(buf, at, n.index()); at += 4; }
                for (NetSpec n : outs) { WireValues.putInt(buf, at, n.index()); at += 4; }
                byte[] prev = lastRow;
                int prevAt = 0;
                for (int i = 0; i < k; i++) {
                    System.arraycopy(prev, prevAt, buf, at, inRow);  // unset columns hold their value
                    row.base = at;
                    row.cycle = done + i;
                    if (stimulus != null) stimulus.drive(done + i, row);
                    prev = buf;
                    prevAt = at;
                    at += inRow;
                }
                proc.write(buf, 0, at);
                proc.flush();
                lastRow = Arrays.copyOfRange(buf, prevAt, prevAt + inRow);
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
