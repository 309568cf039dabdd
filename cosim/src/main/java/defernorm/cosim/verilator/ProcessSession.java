package defernorm.cosim.verilator;

import defernorm.cosim.Simulation.BlockObserver;
import defernorm.cosim.Simulation.BlockStimulus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The isolated mode: the model's harness runs as a child process ({@link ModelProcess}) and is driven
 * by the protocol of docs/cosim-protocol.md. Poke and step are pipelined (no reply); peek waits for one.
 */
final class ProcessSession implements ModelSession {
    private final ModelProcess proc;
    private final byte[] scratch = new byte[8];
    /** Every net's current input value as wire words, at {@link #offsets}: a batch's first row comes from here. */
    private final byte[] inputs;
    private final int[] offsets;
    private long cycles;

    ProcessSession(Path binary, String design, List<NetSpec> nets, Path replayFile, Duration timeout) {
        int netCount = Math.max(1, nets.size());
        this.offsets = BatchColumns.offsets(nets);
        this.inputs = new byte[BatchColumns.rowBytes(nets)];
        this.proc = new ModelProcess(binary, design, replayFile, timeout);
        try {
            int count = proc.hello();
            if (count != netCount) {
                throw new UnusableModel(binary + " reported " + count + " nets where its harness was generated with " + netCount, null);
            }
        } catch (RuntimeException e) {
            proc.close();
            throw e;
        }
    }

    @Override public void poke(NetSpec n, byte[] src, int off) {
        System.arraycopy(src, off, inputs, offsets[n.index()], n.wireBytes());
        proc.writeByte(Protocol.POKE);
        proc.writeInt(n.index());
        proc.write(src, off, n.wireBytes());
    }

    @Override public void poke64(NetSpec n, long masked) {
        WireValues.putLong(scratch, 0, masked);
        poke(n, scratch, 0);
    }

    @Override public void peek(NetSpec n, byte[] dst) {
        proc.writeByte(Protocol.PEEK);
        proc.writeInt(n.index());
        proc.readFully(dst, 0, n.wireBytes(), "peeking " + n.name(), true);
    }

    @Override public long peek64(NetSpec n) {
        Arrays.fill(scratch, (byte) 0);
        peek(n, scratch);
        return WireValues.getLong(scratch, 0);
    }

    @Override public void step(long n) {
        proc.writeByte(Protocol.STEP);
        proc.writeLong(n);
        cycles += n;
    }

    @Override public void reset(long n) {
        proc.writeByte(Protocol.RESET);
        proc.writeLong(n);
        cycles += n;
    }

    @Override public void runBatch(BatchColumns cols, long n, BlockStimulus stimulus, BlockObserver observer) {
        proc.flush();
        byte[] row = new byte[cols.inRow];
        int at = 0;
        for (NetSpec in : cols.ins) {
            System.arraycopy(inputs, offsets[in.index()], row, at, in.wireBytes());
            at += in.wireBytes();
        }
        BatchRun run = new BatchRun(proc, cols, n, row);
        try {
            run.run(stimulus, observer);
        } finally {
            cycles += run.cyclesRun();
            byte[] last = run.lastInputs();
            at = 0;
            for (NetSpec in : cols.ins) {
                System.arraycopy(last, at, inputs, offsets[in.index()], in.wireBytes());
                at += in.wireBytes();
            }
        }
    }

    @Override public long cycles() { return cycles; }

    @Override public int waves(String path) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        proc.writeByte(Protocol.WAVES);
        proc.writeInt(p.length);
        proc.write(p, 0, p.length);
        byte[] status = new byte[4];
        proc.readFully(status, 0, 4, "opening the waveform file", true);
        return WireValues.getInt(status, 0);
    }

    @Override public long[] bench(BatchColumns cols, long n, long seed) {
        proc.writeByte(Protocol.BENCH);
        proc.writeLong(n);
        proc.writeLong(seed);
        proc.writeInt(cols.ins.size());
        proc.writeInt(cols.outs.size());
        for (NetSpec s : cols.ins) proc.writeInt(s.index());
        for (NetSpec s : cols.outs) proc.writeInt(s.index());
        byte[] r = new byte[16];
        proc.readFully(r, 0, 16, "running the native loop", true);
        cycles += n;
        return new long[] {WireValues.getLong(r, 0), WireValues.getLong(r, 8)};
    }

    @Override public Path replayFile() { return proc.replayFile(); }

    long pid() { return proc.pid(); }

    @Override public void close() { proc.close(); }
}
