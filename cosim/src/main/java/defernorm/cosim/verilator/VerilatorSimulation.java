package defernorm.cosim.verilator;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.SimulationMismatch;
import defernorm.cosim.support.CallerLocation;
import defernorm.hdl.emit.EmitOptions;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.emit.VerilogFile;
import defernorm.hdl.ir.Design;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A design simulated by Verilator in a child process. Opening one emits the Verilog, generates a C++
 * harness, builds both with {@code verilator --build} (or finds the binary in the build cache, keyed by a
 * SHA-256 of everything that affects it) and starts it; the session then talks the binary protocol of
 * docs/cosim-protocol.md over the child's stdin/stdout. Every byte sent is also written to
 * {@code <workDir>/<design>-<timestamp>.replay}, which the binary replays without Java
 * ({@code V<Top> --replay FILE}).
 *
 * <pre>{@code
 * try (Simulation sim = Simulations.open(design, SimOptions.verilator())) {
 *     sim.reset();
 *     sim.poke("en", 1);
 *     sim.step(3);
 *     sim.expect("count", 3);
 * }
 * }</pre>
 *
 * <p>poke and step are sent without waiting (pipelined); peek and expect wait for the child's answer, at
 * most {@link SimOptions#timeout()}. {@link #runBatch} streams stimulus ahead from a writer thread.
 */
public final class VerilatorSimulation implements Simulation {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private final String top;
    private final SimOptions options;
    private final NetTable nets;
    private final ModelBuilder.Model model;
    private final ModelProcess proc;
    /** Current value of every net, packed as on the wire; only input entries are kept up to date. */
    private final byte[] inputs;
    private final int[] offsets;
    private final byte[] reply = new byte[4 * 1024 * 4];
    private final long startMillis;
    private long cycle;
    private boolean closed;

    public VerilatorSimulation(Design design, SimOptions options) {
        this(design, VerilogEmitter.emit(Objects.requireNonNull(design, "design"), EmitOptions.defaults()), options);
    }

    /**
     * Simulates {@code verilog} (which must implement {@code design}'s top with the emitter's port
     * conventions); {@code design} supplies the port types and debug nets. For tests and tools that have
     * their own Verilog.
     */
    public VerilatorSimulation(Design design, List<VerilogFile> verilog, SimOptions options) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(options, "options");
        this.top = design.top();
        this.options = options;
        this.nets = new NetTable(design);
        VerilatorTool tool = VerilatorTool.locate();
        String harness = HarnessSource.cpp(top, nets, options.waves());
        Duration buildTimeout = options.timeout().compareTo(Duration.ofMinutes(10)) > 0 ? options.timeout() : Duration.ofMinutes(10);
        this.model = ModelBuilder.build(tool, options.cacheDir(), top, verilog, harness, HarnessSource.vlt(nets),
                options.waves(), buildTimeout);
        long t0 = System.nanoTime();
        this.proc = new ModelProcess(model.binary(), top, replayPath(options.workDir(), top), options.timeout());
        try {
            int count = proc.hello();
            if (count != Math.max(1, nets.all().size())) {
                throw proc.fail("starting", "reported " + count + " nets where the harness was generated with "
                        + nets.all().size());
            }
        } catch (RuntimeException e) {
            proc.close();
            throw e;
        }
        this.startMillis = (System.nanoTime() - t0) / 1_000_000;
        this.offsets = BatchRun.offsets(nets.all());
        this.inputs = new byte[BatchRun.rowBytes(nets.all())];
    }

    private static Path replayPath(Path workDir, String top) {
        String stamp = LocalDateTime.now().format(STAMP);
        int n = SESSIONS.incrementAndGet();
        return workDir.resolve(top + "-" + stamp + "-" + ProcessHandle.current().pid() + "-" + n + ".replay");
    }

    // ---- Simulation ----

    @Override public void poke(String input, BigInteger value) {
        checkOpen();
        Objects.requireNonNull(value, "value");
        NetSpec n = nets.requireInput(input);
        WireValues.checkFits(n.name(), n.type(), value);
        WireValues.encode(value, n.type().width(), inputs, offsets[n.index()]);
        proc.writeByte(Protocol.POKE);
        proc.writeInt(n.index());
        proc.write(inputs, offsets[n.index()], n.wireBytes());
    }

    @Override public BigInteger peek(String net) {
        checkOpen();
        NetSpec n = nets.require(net);
        proc.writeByte(Protocol.PEEK);
        proc.writeInt(n.index());
        byte[] buf = n.wireBytes() <= reply.length ? reply : new byte[n.wireBytes()];
        proc.readFully(buf, 0, n.wireBytes(), "peeking " + net, true);
        return WireValues.decode(buf, 0, n.type());
    }

    @Override public void step(int cycles) {
        checkOpen();
        if (cycles < 0) throw new IllegalArgumentException("cannot step a negative number of cycles (" + cycles + ")");
        if (cycles == 0) return;
        proc.writeByte(Protocol.STEP);
        proc.writeLong(cycles);
        cycle += cycles;
    }

    @Override public void reset(int cycles) {
        checkOpen();
        if (cycles < 0) throw new IllegalArgumentException("cannot reset for a negative number of cycles (" + cycles + ")");
        proc.writeByte(Protocol.RESET);
        proc.writeLong(cycles);
        cycle += cycles;
    }

    @Override public void expect(String net, BigInteger expected) {
        Objects.requireNonNull(expected, "expected");
        NetSpec n = nets.require(net);
        try {
            WireValues.checkFits(net, n.type(), expected);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected value " + expected + " can never match " + net + " of type " + n.type());
        }
        BigInteger actual = peek(net);
        if (!actual.equals(expected)) throw new SimulationMismatch(cycle, net, expected, actual, CallerLocation.find());
    }

    @Override public long cycle() { return cycle; }

    @Override public void runBatch(List<String> inputNames, List<String> outputNames, long cycles,
                                   Stimulus stimulus, Observer observer) {
        checkOpen();
        if (cycles < 0) throw new IllegalArgumentException("a batch cannot run a negative number of cycles (" + cycles + ")");
        List<NetSpec> ins = inputNames.stream().map(nets::requireInput).toList();
        List<NetSpec> outs = outputNames.stream().map(nets::require).toList();
        byte[] current = new byte[BatchRun.rowBytes(ins)];
        int at = 0;
        for (NetSpec n : ins) {
            System.arraycopy(inputs, offsets[n.index()], current, at, n.wireBytes());
            at += n.wireBytes();
        }
        proc.flush();
        BatchRun run = new BatchRun(proc, ins, outs, cycles, current);
        try {
            run.run(stimulus, observer);
        } finally {
            cycle += run.cyclesRun();
            byte[] last = run.lastInputs();
            at = 0;
            for (NetSpec n : ins) {
                System.arraycopy(last, at, inputs, offsets[n.index()], n.wireBytes());
                at += n.wireBytes();
            }
        }
    }

    @Override public void startWaves(Path vcd) {
        checkOpen();
        if (!options.waves()) {
            throw new IllegalStateException("waves are off for this simulation: open it with "
                    + "SimOptions.verilator().withWaves(true) so the Verilator model is built with --trace");
        }
        int status = waves(vcd.toAbsolutePath().toString());
        if (status == Protocol.WAVES_CANNOT_OPEN) throw new IllegalArgumentException("cannot write the waveform file " + vcd);
        if (status == Protocol.WAVES_NOT_BUILT) throw new IllegalStateException("the Verilator model was built without --trace");
    }

    @Override public void stopWaves() {
        checkOpen();
        if (options.waves()) waves("");
    }

    private int waves(String path) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        proc.writeByte(Protocol.WAVES);
        proc.writeInt(p.length);
        proc.write(p, 0, p.length);
        byte[] status = new byte[4];
        proc.readFully(status, 0, 4, "opening the waveform file", true);
        return WireValues.getInt(status, 0);
    }

    @Override public Engine engine() { return Engine.VERILATOR; }

    @Override public void close() {
        if (closed) return;
        closed = true;
        proc.close();
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("the simulation is closed");
    }

    // ---- Verilator specifics (benchmarks, tools, tests) ----

    /** How this session's model was obtained: its binary, whether it was built now, and the times taken. */
    public record ModelInfo(Path binary, boolean builtNow, long buildMillis, long startMillis, Path replayFile) {}

    public ModelInfo modelInfo() {
        return new ModelInfo(model.binary(), model.built(), model.buildMillis(), startMillis, proc.replayFile());
    }

    /** The result of {@link #runNative}: cycles run, the child's own wall time, and a checksum of the outputs. */
    public record NativeRun(long cycles, long nanos, long checksum) {
        public double cyclesPerSecond() { return cycles * 1e9 / Math.max(1, nanos); }
    }

    /**
     * Runs {@code cycles} cycles entirely inside the harness: each cycle the inputs get xorshift64 random
     * values (masked to their widths), logic settles, the outputs are folded into a checksum, and one edge
     * is applied. The same work as a batch without Java: the speed ceiling for benchmarks. Afterwards the
     * listed inputs hold the last random values; poke them before relying on their values.
     *
     * <pre>{@code
     * NativeRun r = sim.runNative(List.of("x_0", "x_valid"), List.of("acc_0"), 1_000_000, 1);
     * System.out.println(r.cyclesPerSecond());
     * }</pre>
     */
    public NativeRun runNative(List<String> inputNames, List<String> outputNames, long cycles, long seed) {
        checkOpen();
        List<NetSpec> ins = inputNames.stream().map(nets::requireInput).toList();
        List<NetSpec> outs = outputNames.stream().map(nets::require).toList();
        proc.writeByte(Protocol.BENCH);
        proc.writeLong(cycles);
        proc.writeLong(seed);
        proc.writeInt(ins.size());
        proc.writeInt(outs.size());
        for (NetSpec n : ins) proc.writeInt(n.index());
        for (NetSpec n : outs) proc.writeInt(n.index());
        byte[] r = new byte[16];
        proc.readFully(r, 0, 16, "running the native loop", true);
        cycle += cycles;
        return new NativeRun(cycles, WireValues.getLong(r, 0), WireValues.getLong(r, 8));
    }

    /**
     * Builds Verilator's shared runtime library into {@code options.cacheDir()} if it is not there yet
     * (most of a first build's time); returns the milliseconds spent building, 0 if it was cached.
     */
    public static long warmRuntime(SimOptions options) {
        BuildCache.Entry e = RuntimeLibrary.entry(VerilatorTool.locate(), new BuildCache(options.cacheDir()),
                options.waves(), Duration.ofMinutes(10));
        return e.built() ? e.millis() : 0;
    }

    /** The child's process id (tests use it to check that no process is left behind). */
    long pid() { return proc.pid(); }
}
