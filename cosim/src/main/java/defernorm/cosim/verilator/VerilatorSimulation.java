package defernorm.cosim.verilator;

import defernorm.cosim.Engine;
import defernorm.cosim.Port;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.SimulationClosed;
import defernorm.cosim.SimulationMismatch;
import defernorm.cosim.support.NetErrors;
import defernorm.eda.Tool;
import defernorm.hdl.emit.EmitOptions;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.emit.VerilogFile;
import defernorm.hdl.ir.Design;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A design simulated by Verilator. Opening one emits the Verilog, generates the C++ around the model,
 * builds both with {@code verilator --build} (or finds the product in the build cache, keyed by a SHA-256
 * of everything that affects it) and starts it, in one of two modes ({@link SimOptions#isolated()}):
 * <ul>
 *   <li><b>in-process</b> (the default): the model is a shared library loaded into the JVM through the
 *       FFM API ({@link NativeSession}); poke, peek and step are direct calls into it;</li>
 *   <li><b>isolated</b>: the model runs in a child process speaking the binary protocol of
 *       docs/cosim-protocol.md ({@link ProcessSession}); a crash or hang cannot touch the JVM, and every
 *       byte sent is written to a replay log that the binary replays without Java
 *       ({@code V<Top> --replay FILE}).</li>
 * </ul>
 *
 * <pre>{@code
 * try (Simulation sim = Simulations.open(design, SimOptions.verilator())) {
 *     sim.reset();
 *     sim.poke("en", 1);
 *     sim.step(3);
 *     sim.expect("count", 3);
 * }
 * }</pre>
 */
public final class VerilatorSimulation implements Simulation {
    private final String top;
    private final SimOptions options;
    private final NetTable nets;
    private final AssertionSites assertions;
    private final ModelBuilder.Model model;
    private final ModelSession session;
    /** Wire words of a wide poke or peek (the largest net's, grown on demand). */
    private byte[] wire = new byte[4 * 1024 * 4];
    private final long startMillis;
    private long cycle;
    private BatchColumns lastColumns;
    private List<String> lastInputNames;
    private List<String> lastOutputNames;
    private boolean closed;

    public VerilatorSimulation(Design design, SimOptions options) {
        // The FFM linker's first use costs a cold JVM ~0.25 s of CPU: let it overlap emitting and hashing.
        if (options != null && !options.isolated()) NativeWarmup.startOnce();
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
        this.assertions = new AssertionSites(verilog);
        Tool.Installed tool = Tool.VERILATOR.installedCached(options.cacheDir()).orElseThrow(VerilatorException::notInstalled);
        boolean inProcess = !options.isolated();
        String source = inProcess ? HarnessSource.shim(top, nets, options.waves()) : HarnessSource.cpp(top, nets, options.waves());
        Duration buildTimeout = options.timeout().compareTo(Duration.ofMinutes(10)) > 0 ? options.timeout() : Duration.ofMinutes(10);
        ModelBuilder.Model m = ModelBuilder.build(tool, options.cacheDir(), top, verilog, source, HarnessSource.vlt(nets),
                options.waves(), inProcess, false, buildTimeout);
        long t0 = System.nanoTime();
        ModelSession s;
        try {
            s = start(m);
        } catch (UnusableModel first) {
            if (m.built()) throw unusable(m, first);
            // A cached entry that does not start (damaged, or left by another version): rebuild it once.
            m = ModelBuilder.build(tool, options.cacheDir(), top, verilog, source, HarnessSource.vlt(nets),
                    options.waves(), inProcess, true, buildTimeout);
            t0 = System.nanoTime();
            try {
                s = start(m);
            } catch (UnusableModel again) {
                throw unusable(m, again);
            }
        }
        this.model = m;
        this.session = s;
        this.startMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    private ModelSession start(ModelBuilder.Model m) {
        return options.isolated()
                ? new ProcessSession(m.binary(), top, nets.all(), ReplayLogs.next(options.workDir(), top), options.timeout())
                : new NativeSession(m.binary(), top, nets.all(), options.batchThreads());
    }

    private VerilatorException unusable(ModelBuilder.Model m, UnusableModel e) {
        return new VerilatorException("The Verilator model of " + top + " was just built and still does not start ("
                + e.getMessage() + "); clear its cache entry with `rm -rf " + m.entry() + "` and try again, or report it.", e);
    }

    // ---- Simulation ----

    @Override public void poke(String input, BigInteger value) {
        checkOpen();
        Objects.requireNonNull(value, "value");
        pokeNet(nets.requireInput(input), value);
    }

    @Override public void poke(String input, long value) {
        checkOpen();
        pokeNet(nets.requireInput(input), value);
    }

    @Override public BigInteger peek(String net) {
        checkOpen();
        return peekNet(nets.require(net));
    }

    @Override public long peekLong(String net) {
        checkOpen();
        return peekNetLong(nets.require(net));
    }

    @Override public Port port(String name) {
        checkOpen();
        return new VerilatorPort(this, nets.require(name));
    }

    // ---- one net, already resolved (the named methods above and VerilatorPort) ----

    void pokeNet(NetSpec n, BigInteger value) {
        WireValues.checkFits(n.name(), n.type(), value);
        byte[] buf = wireBuffer(n);
        WireValues.encode(value, n.type().width(), buf, 0);
        session.poke(n, buf, 0);
    }

    void pokeNet(NetSpec n, long value) {
        int w = n.type().width();
        if (w > 64 || !WireValues.fits(n.type(), value)) {
            pokeNet(n, BigInteger.valueOf(value));
            return;
        }
        session.poke64(n, w == 64 ? value : value & ((1L << w) - 1));
    }

    private byte[] wireBuffer(NetSpec n) {
        if (wire.length < n.wireBytes()) wire = new byte[n.wireBytes()];
        return wire;
    }

    BigInteger peekNet(NetSpec n) {
        byte[] buf = wireBuffer(n);
        try {
            session.peek(n, buf);   // isolated: the reply may carry a failure of an earlier, pipelined step
        } catch (VerilatorException e) {
            throw assertions.explain(e);
        }
        return WireValues.decode(buf, 0, n.type());
    }

    long peekNetLong(NetSpec n) {
        int w = n.type().width();
        if (w > 64 || (w == 64 && !n.type().signed())) return peekNet(n).longValueExact();
        long v;
        try {
            v = session.peek64(n);
        } catch (VerilatorException e) {
            throw assertions.explain(e);
        }
        return n.type().signed() && w < 64 ? (v << (64 - w)) >> (64 - w) : v;
    }

    boolean isClosed() { return closed; }

    @Override public void step(int cycles) {
        checkOpen();
        if (cycles < 0) throw new IllegalArgumentException("cannot step a negative number of cycles (" + cycles + ")");
        if (cycles == 0) return;
        cycle += cycles;
        try {
            session.step(cycles);
        } catch (VerilatorException e) {
            throw assertions.explain(e);
        }
    }

    @Override public void reset(int cycles) {
        checkOpen();
        if (cycles < 0) throw new IllegalArgumentException("cannot reset for a negative number of cycles (" + cycles + ")");
        cycle += cycles;
        try {
            session.reset(cycles);
        } catch (VerilatorException e) {
            throw assertions.explain(e);
        }
    }

    @Override public void expect(String net, BigInteger expected) {
        Objects.requireNonNull(expected, "expected");
        NetSpec n = nets.require(net);
        if (!WireValues.fitsType(n.type(), expected)) throw NetErrors.neverMatches(net, n.type(), expected);
        BigInteger actual = peek(net);
        if (!actual.equals(expected)) throw new SimulationMismatch(cycle, net, expected, actual);
    }

    @Override public long cycle() { return cycle; }

    @Override public void runBatch(List<String> inputNames, List<String> outputNames, long cycles,
                                   Stimulus stimulus, Observer observer) {
        BatchColumns cols = batchColumns(inputNames, outputNames, cycles);
        run(cols, cycles, cols.inBlock.perCycle(stimulus), cols.outBlock.perCycle(observer));
    }

    @Override public void runBatch(List<String> inputNames, List<String> outputNames, long cycles,
                                   BlockStimulus stimulus, BlockObserver observer) {
        run(batchColumns(inputNames, outputNames, cycles), cycles, stimulus, observer);
    }

    private BatchColumns batchColumns(List<String> inputNames, List<String> outputNames, long cycles) {
        checkOpen();
        if (cycles < 0) throw new IllegalArgumentException("a batch cannot run a negative number of cycles (" + cycles + ")");
        return columns(inputNames, outputNames);
    }

    private void run(BatchColumns cols, long cycles, BlockStimulus stimulus, BlockObserver observer) {
        long before = session.cycles();
        try {
            session.runBatch(cols, cycles, stimulus, observer);
        } catch (VerilatorException e) {
            throw assertions.explain(e);
        } finally {
            cycle += session.cycles() - before;
        }
    }

    /**
     * The batch's columns, resolved by name once: a reactive testbench runs a one-cycle batch over the same
     * columns every cycle, so the last resolution is kept (the name lists are compared, as copies).
     */
    private BatchColumns columns(List<String> inputNames, List<String> outputNames) {
        if (lastColumns == null || !lastInputNames.equals(inputNames) || !lastOutputNames.equals(outputNames)) {
            lastColumns = new BatchColumns(inputNames.stream().map(nets::requireInput).toList(),
                    outputNames.stream().map(nets::require).toList());
            lastInputNames = List.copyOf(inputNames);
            lastOutputNames = List.copyOf(outputNames);
        }
        return lastColumns;
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

    private int waves(String path) { return session.waves(path); }

    /** Reads each cover point's 64-bit hit counter (kept by the emitted Verilog) from the model. */
    @Override public Map<String, Long> coverage() {
        checkOpen();
        Map<String, Long> hits = new LinkedHashMap<>();
        for (NetSpec n : nets.covers()) hits.put(n.name(), peekNet(n).longValue());
        return hits;
    }

    @Override public Engine engine() { return Engine.VERILATOR; }

    @Override public void close() {
        if (closed) return;
        closed = true;
        session.close();
    }

    private void checkOpen() {
        if (closed) throw SimulationClosed.of(top);
    }

    // ---- Verilator specifics (benchmarks, tools, tests) ----

    /** How this session's model was obtained: its binary, whether it was built now, and the times taken. */
    public record ModelInfo(Path binary, boolean builtNow, long buildMillis, long startMillis, Path replayFile) {}

    /** The model's executable (isolated) or shared library (in-process), and the replay log (isolated only, else null). */
    public ModelInfo modelInfo() {
        return new ModelInfo(model.binary(), model.built(), model.buildMillis(), startMillis, session.replayFile());
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
        BatchColumns cols = new BatchColumns(inputNames.stream().map(nets::requireInput).toList(),
                outputNames.stream().map(nets::require).toList());
        long[] r = session.bench(cols, cycles, seed);
        cycle += cycles;
        return new NativeRun(cycles, r[0], r[1]);
    }

    /**
     * Builds Verilator's shared runtime library into {@code options.cacheDir()} if it is not there yet
     * (most of a first build's time); returns the milliseconds spent building, 0 if it was cached.
     */
    public static long warmRuntime(SimOptions options) {
        BuildCache.Entry e = RuntimeLibrary.entry(Tool.VERILATOR.installedCached(options.cacheDir()).orElseThrow(VerilatorException::notInstalled), new BuildCache(options.cacheDir()),
                options.waves(), !options.isolated(), Duration.ofMinutes(10));
        return e.built() ? e.millis() : 0;
    }

    /** The child's process id in the isolated mode (tests use it to check that no process is left behind). */
    long pid() {
        if (session instanceof ProcessSession p) return p.pid();
        throw new IllegalStateException("an in-process simulation has no child process");
    }
}
