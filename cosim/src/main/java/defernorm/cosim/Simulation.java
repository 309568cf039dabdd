package defernorm.cosim;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A running simulation of an elaborated design, on any engine ({@link Engine#BUILTIN} or
 * {@link Engine#VERILATOR}). Both engines give identical results on every cycle; they differ only in speed
 * and in what must be installed.
 *
 * <h2>Cycle semantics</h2>
 * A cycle is: inputs hold the values last poked; combinational logic settles ({@link #peek} sees the
 * settled values); {@link #step} then applies one rising edge of {@code clk}. {@code rst} is an ordinary
 * synchronous active-high input that {@link #reset} drives for you.
 *
 * <pre>{@code
 * try (Simulation sim = Simulations.open(design, SimOptions.builtin())) {
 *     sim.reset();
 *     sim.poke("en", 1);
 *     sim.step(3);
 *     sim.expect("count", 3);
 * }
 * }</pre>
 */
public interface Simulation extends AutoCloseable {

    /** Sets an input port; the value must fit the port's type (signed ports take negative values). */
    void poke(String input, BigInteger value);

    default void poke(String input, long value) { poke(input, BigInteger.valueOf(value)); }

    /**
     * The settled value of an output port, an input port, or a net marked for debug, as the port's type
     * reads it (negative for a signed port with its top bit set).
     */
    BigInteger peek(String net);

    default long peekLong(String net) { return peek(net).longValueExact(); }

    /**
     * A handle on a port or debug net, resolved once: {@link Port#poke}, {@link Port#peek} and
     * {@link Port#expect} without a name lookup per call. Unknown names throw as {@link #peek} does.
     * Both engines provide it; the default is for test doubles that implement this interface.
     */
    default Port port(String name) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no port handles");
    }

    /** Applies {@code cycles} rising edges with the inputs held. */
    void step(int cycles);

    default void step() { step(1); }

    /** Drives {@code rst} high for {@code cycles} edges, then low. Other inputs keep their values. */
    void reset(int cycles);

    default void reset() { reset(1); }

    /**
     * Checks a settled value. A mismatch throws {@link SimulationMismatch} naming the cycle, the net, the
     * expected and the actual value, and the caller's source line.
     */
    void expect(String net, BigInteger expected);

    default void expect(String net, long expected) { expect(net, BigInteger.valueOf(expected)); }

    /** Rising edges applied since the simulation was opened (resets included). */
    long cycle();

    /**
     * The fast path: runs {@code cycles} cycles. For each cycle {@code c}, {@code stimulus} sets the inputs
     * named in {@code inputs}, logic settles, {@code observer} reads the nets named in {@code outputs},
     * then one edge is applied. The stimulus must not depend on outputs: engines may call it ahead, on
     * another thread. The observer is called in cycle order on the calling thread; it may throw to stop
     * the batch (the exception is rethrown after the engine is back in a consistent state).
     *
     * <p>{@code cycle} counts from 0 within each batch ({@link #cycle()} keeps the global count). Inputs the
     * batch does not name keep their values. After an observer throws, the built-in engine stops before that
     * cycle's edge, while Verilator has already simulated the cycles it streamed ahead; {@link #cycle()}
     * tells how far either got, so callers that stop a batch early should not assume a particular state.
     */
    void runBatch(List<String> inputs, List<String> outputs, long cycles,
                  Stimulus stimulus, Observer observer);

    /** Starts writing a VCD waveform (names as in the emitted Verilog) until {@link #stopWaves} or close. */
    void startWaves(Path vcd);

    void stopWaves();

    /**
     * How often each cover point of the design was hit so far: the rising edges (outside reset) where its
     * enclosing when-conditions and its condition held. Keys are hierarchical names ({@code u_fifo.full}
     * for cover point {@code full} of instance {@code u_fifo}), in design order.
     *
     * <pre>{@code
     * sim.step(1000);
     * long fullHits = sim.coverage().get("u_fifo.full");
     * }</pre>
     */
    default Map<String, Long> coverage() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not count cover points");
    }

    /** Which engine runs this simulation. */
    Engine engine();

    /** Ends the simulation and frees its resources (for Verilator, the child process). Never throws. */
    @Override void close();

    /** Sets a cycle's inputs, by column index into the batch's input list. */
    @FunctionalInterface
    interface Stimulus {
        void drive(long cycle, InputRow row);
    }

    /** Reads a cycle's settled outputs, by column index into the batch's output list. */
    @FunctionalInterface
    interface Observer {
        void observe(long cycle, OutputRow row);
    }

    interface InputRow {
        void set(int column, long value);
        void set(int column, BigInteger value);
    }

    interface OutputRow {
        /** The value as a long; only for nets of at most 64 bits. */
        long get(int column);
        BigInteger getBig(int column);
    }
}
