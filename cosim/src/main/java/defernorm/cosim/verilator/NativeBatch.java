package defernorm.cosim.verilator;

import defernorm.cosim.Simulation.Observer;
import defernorm.cosim.Simulation.Stimulus;

/**
 * One {@code runBatch} in-process: chunks of about 128 KiB of input rows are filled by the stimulus,
 * simulated by one downcall that runs the model's loop over the rows, and handed to the observer. No
 * thread and no copy: the model reads and writes the Java arrays directly.
 *
 * <p>Stopping early: when the observer throws, the rest of its chunk has already been simulated but is
 * not observed; when the stimulus throws, its chunk is not simulated. Either way the error is rethrown
 * and {@code row} holds the last input row the model saw.
 */
final class NativeBatch {
    private static final int CHUNK_BYTES = 128 * 1024;
    private static final int MAX_CHUNK_CYCLES = 1 << 14;

    private final NativeSession session;
    private final BatchColumns cols;

    NativeBatch(NativeSession session, BatchColumns cols) {
        this.session = session;
        this.cols = cols;
    }

    void run(long cycles, byte[] row, Stimulus stimulus, Observer observer) {
        int inRow = cols.inRow, outRow = cols.outRow;
        int widest = Math.max(1, Math.max(inRow, outRow));
        int chunk = (int) Math.max(1, Math.min(Math.min(MAX_CHUNK_CYCLES, CHUNK_BYTES / widest), cycles));
        byte[] in = new byte[chunk * inRow];
        byte[] out = new byte[chunk * outRow];
        int[] ins = BatchColumns.indexes(cols.ins);
        int[] outs = BatchColumns.indexes(cols.outs);
        long[] done = new long[1];
        BatchColumns.Writer writer = cols.writer(in);
        BatchColumns.Reader reader = cols.reader(out);
        long at = 0;
        while (at < cycles) {
            int k = (int) Math.min(chunk, cycles - at);
            byte[] prev = row;
            int prevAt = 0;
            for (int i = 0; i < k; i++) {
                int base = i * inRow;
                System.arraycopy(prev, prevAt, in, base, inRow);  // unset columns hold their value
                writer.base = base;
                writer.cycle = at + i;
                if (stimulus != null) stimulus.drive(at + i, writer);
                prev = in;
                prevAt = base;
            }
            long ran = session.batchChunk(ins, outs, k, in, out, done);
            if (ran > 0) System.arraycopy(in, (int) (ran - 1) * inRow, row, 0, inRow);
            if (observer != null) {
                for (int i = 0; i < k; i++) {
                    reader.base = i * outRow;
                    observer.observe(at + i, reader);
                }
            }
            at += k;
        }
    }
}
