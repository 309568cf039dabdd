package defernorm.cosim.builtin;

import defernorm.cosim.Engine;
import defernorm.cosim.Port;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.SimulationClosed;
import defernorm.cosim.SimulationMismatch;
import defernorm.cosim.builtin.NetDirectory.NetRef;
import defernorm.cosim.support.NetCatalog;
import defernorm.cosim.support.NetErrors;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in cycle simulator: compiles the design's IR once (hierarchy inlined, combinational nodes
 * levelized into op codes) and runs it in this JVM. Two-state; every register and read port starts at 0.
 * Debug nets of child instances are named {@code instance.net}.
 *
 * <pre>{@code
 * try (Simulation sim = new BuiltinSimulation(design, SimOptions.builtin())) {
 *     sim.reset();
 *     sim.poke("a", 3);
 *     sim.step();
 *     sim.expect("y", 6);
 * }
 * }</pre>
 */
public final class BuiltinSimulation implements Simulation {
    private final String top;
    private final Machine machine;
    private final NetDirectory nets;
    private final long[] v;
    private long cycle;
    /** True when an input or the state changed since the combinational nets were last settled. */
    private boolean dirty = true;
    private boolean closed;
    private WaveRecorder waves;

    public BuiltinSimulation(Design design, SimOptions options) {
        Objects.requireNonNull(design, "design");
        this.top = design.top();
        this.machine = new Machine(design);
        this.nets = new NetDirectory(design, machine.slots);
        this.v = machine.v;
    }

    /** The compiled design (for the engine's own tests and benchmarks). */
    Machine machine() { return machine; }

    @Override public void poke(String input, BigInteger value) {
        checkOpen();
        NetRef r = nets.input(input);
        write(r, value);
    }

    @Override public BigInteger peek(String net) {
        checkOpen();
        return read(nets.peekable(net));
    }

    @Override public long peekLong(String net) {
        checkOpen();
        return readLong(nets.peekable(net));
    }

    @Override public Port port(String name) {
        checkOpen();
        NetRef r = nets.peekable(name);
        return new BuiltinPort(this, r, r.role() == NetCatalog.Kind.INPUT);
    }

    // ---- one net, already resolved (the named methods and BuiltinPort) ----

    BigInteger read(NetRef r) {
        settle();
        return Values.fromWords(v, r.offset(), r.type());
    }

    long readLong(NetRef r) {
        if (r.type().width() > 64 || (r.type().width() == 64 && !r.type().signed())) return read(r).longValueExact();
        settle();
        return v[r.offset()];
    }

    void write(NetRef r, long value) {
        Type t = r.type();
        if (t.width() > 64) {
            write(r, BigInteger.valueOf(value));
            return;
        }
        int sh = 64 - t.width();
        boolean fits = t.signed() ? ((value << sh) >> sh) == value : value >= 0 && ((value << sh) >>> sh) == value;
        if (!fits) throw doesNotFit(r, value);
        v[r.offset()] = value;
        dirty = true;
    }

    boolean isClosed() { return closed; }

    @Override public void step(int cycles) {
        checkOpen();
        if (cycles < 0) throw new IllegalArgumentException("cannot step a negative number of cycles (" + cycles + ")");
        for (int i = 0; i < cycles; i++) edge();
    }

    @Override public void reset(int cycles) {
        checkOpen();
        if (cycles < 0) throw new IllegalArgumentException("cannot reset for a negative number of cycles (" + cycles + ")");
        if (machine.rstSlot < 0) { step(cycles); return; }
        v[machine.rstSlot] = 1;
        dirty = true;
        try {
            for (int i = 0; i < cycles; i++) edge();
        } finally {
            v[machine.rstSlot] = 0;
            dirty = true;
        }
    }

    @Override public void expect(String net, BigInteger expected) {
        checkOpen();
        Objects.requireNonNull(expected, "expected");
        NetRef r = nets.peekable(net);
        if (!Values.fits(expected, r.type())) throw NetErrors.neverMatches(net, r.type(), expected);
        BigInteger actual = peek(net);
        if (!actual.equals(expected)) throw new SimulationMismatch(cycle, net, expected, actual);
    }

    @Override public long cycle() { return cycle; }

    @Override public void runBatch(List<String> inputs, List<String> outputs, long cycles, Stimulus stimulus, Observer observer) {
        batch(inputs, outputs, cycles).runRows(cycles, stimulus, observer);
    }

    @Override public void runBatch(List<String> inputs, List<String> outputs, long cycles,
                                   BlockStimulus stimulus, BlockObserver observer) {
        batch(inputs, outputs, cycles).runBlocks(cycles, stimulus, observer);
    }

    private BatchBlocks batch(List<String> inputs, List<String> outputs, long cycles) {
        checkOpen();
        if (cycles < 0) throw new IllegalArgumentException("a batch cannot run a negative number of cycles (" + cycles + ")");
        return new BatchBlocks(this, inputs.stream().map(nets::input).toArray(NetRef[]::new),
                outputs.stream().map(nets::peekable).toArray(NetRef[]::new));
    }

    /** Marks the inputs changed: the next {@link #settleForBatch} settles. */
    void inputsChanged() { dirty = true; }

    /** Settles the combinational nets (a batch reads its outputs after this). */
    void settleForBatch() { settle(); }

    /** Applies one edge (a batch's cycle ends with this). */
    void edgeForBatch() { edge(); }

    @Override public void startWaves(Path vcd) {
        checkOpen();
        stopWaves();
        waves = new WaveRecorder(machine, vcd);
        settle();
        waves.dump(10 * cycle, 0);
    }

    @Override public void stopWaves() {
        if (waves != null) {
            WaveRecorder w = waves;
            waves = null;
            w.close();
        }
    }

    @Override public Map<String, Long> coverage() {
        checkOpen();
        return machine.checks.coverage();
    }

    @Override public Engine engine() { return Engine.BUILTIN; }

    @Override public void close() {
        if (closed) return;
        closed = true;
        try { stopWaves(); } catch (RuntimeException ignored) { /* close never throws */ }
    }

    /** Settles, applies one edge, and records waves around it. */
    private void edge() {
        settle();
        machine.check(cycle);
        if (waves != null) waves.dump(10 * cycle, 0);
        machine.edge();
        cycle++;
        dirty = true;
        if (waves != null) {
            settle();
            waves.dump(10 * (cycle - 1) + 5, 1);
        }
    }

    private void settle() {
        if (dirty) {
            machine.settle();
            dirty = false;
        }
    }

    void write(NetRef r, BigInteger value) {
        if (value == null) throw new IllegalArgumentException("the value poked into '" + r.name() + "' must not be null");
        if (!Values.fits(value, r.type())) throw doesNotFit(r, value);
        Values.toWords(value, r.type(), v, r.offset());
        dirty = true;
    }

    private static IllegalArgumentException doesNotFit(NetRef r, Object value) {
        return NetErrors.doesNotFit(r.name(), r.type(), value);
    }

    private void checkOpen() {
        if (closed) throw SimulationClosed.of(top);
    }
}
