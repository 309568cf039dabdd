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
     * Runs {@code cycles} cycles, one cycle at a time: for each cycle {@code c}, {@code stimulus} sets the
     * inputs named in {@code inputs}, logic settles, {@code observer} reads the nets named in
     * {@code outputs}, then one edge is applied. A convenience over the block form
     * {@link #runBatch(List, List, long, BlockStimulus, BlockObserver)}, which engines run (this form
     * costs an interface call per cycle and per column; use the block form for long runs). Either may be
     * null.
     *
     * <p>The stimulus must not depend on outputs: engines may call it ahead of the cycles they simulate.
     * The observer is called in cycle order on the calling thread; it may throw to stop the batch (the
     * exception is rethrown after the engine is back in a consistent state). {@code cycle} counts from 0
     * within each batch ({@link #cycle()} keeps the global count). Inputs the stimulus does not set on a
     * cycle keep their previous values. A value that does not fit its input stops the batch with an
     * {@link IllegalArgumentException} naming the cycle, the input and the value. After an observer
     * throws, the built-in engine stops before that cycle's edge, while Verilator has already simulated the
     * cycles it ran ahead; {@link #cycle()} tells how far either got, so callers that stop a batch early
     * should not assume a particular state.
     *
     * <pre>{@code
     * sim.runBatch(List.of("x"), List.of("y"), 1000,
     *         (c, in) -> in.set(0, c & 0xFF),
     *         (c, out) -> check(c, out.get(0)));
     * }</pre>
     */
    void runBatch(List<String> inputs, List<String> outputs, long cycles,
                  Stimulus stimulus, Observer observer);

    /**
     * The fast path: runs {@code cycles} cycles in blocks of consecutive cycles, with one {@code long[]}
     * per column, so the Java side costs a few nanoseconds per cycle and value. For a block of cycles
     * {@code [first, first + count)}, {@code stimulus} fills {@code in[i][k]}, the value of
     * {@code inputs.get(i)} on cycle {@code first + k}; the engine simulates the block (each cycle: inputs
     * applied, logic settled, outputs read, one edge), then {@code observer} reads {@code out[j][k]}, the
     * settled value of {@code outputs.get(j)} on that cycle. The engine picks the block sizes; either
     * callback may be null.
     *
     * <p>Values are as the net's type reads them: sign-extended for a signed net, the 64 bits themselves
     * for a 64-bit unsigned one. A net wider than 64 bits takes {@code ceil(width / 64)} longs per cycle,
     * least significant first (cycle {@code k} at {@code [k * words, (k + 1) * words)}), its top long
     * sign-extended (signed) or zero-extended. The arrays may be longer than the block: only the first
     * {@code count} cycles count.
     *
     * <p>On entry each input column holds, on every cycle of the block, the value the input had before the
     * block, so a column the stimulus leaves alone holds its input. The engine checks every value before
     * simulating the block: one that does not fit its input stops the batch with an
     * {@link IllegalArgumentException} naming the cycle, the input and the value (that block is not
     * simulated). The stimulus must not depend on outputs: the engine fills blocks ahead of the one it
     * simulates (in-process on the calling thread, in Verilator's isolated mode on a writer thread). The
     * observer runs on the calling thread, blocks in cycle order. The column arrays belong to the engine
     * once a callback returns. If a callback throws, the batch stops and the exception is
     * rethrown once the engine is consistent: the blocks already filled may have been simulated, and
     * {@link #cycle()} tells how far it got (the built-in engine calls the observer before the block's last
     * edge). In-process, a batch of one block runs entirely on the calling thread (a reactive testbench runs
     * many one-cycle batches).
     *
     * <pre>{@code
     * long[] sum = {0};
     * sim.runBatch(List.of("x"), List.of("y"), 1_000_000,
     *         (first, count, in) -> {
     *             for (int k = 0; k < count; k++) in[0][k] = (first + k) & 0xFF;
     *         },
     *         (first, count, out) -> {
     *             for (int k = 0; k < count; k++) sum[0] += out[0][k];
     *         });
     * }</pre>
     *
     * Both engines implement it; the default is for test doubles that implement this interface.
     */
    default void runBatch(List<String> inputs, List<String> outputs, long cycles,
                          BlockStimulus stimulus, BlockObserver observer) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no block batches");
    }

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

    /**
     * Fills a block of cycles {@code [first, first + count)}: {@code in[i][k]} (or, for a net wider than
     * 64 bits, {@code in[i][k * words ..]}) is input {@code i}'s value on cycle {@code first + k}.
     */
    @FunctionalInterface
    interface BlockStimulus {
        void fill(long first, int count, long[][] in);
    }

    /** Reads a block of cycles {@code [first, first + count)}: {@code out[j][k]} is output {@code j} on cycle {@code first + k}. */
    @FunctionalInterface
    interface BlockObserver {
        void observe(long first, int count, long[][] out);
    }

    /** One cycle's inputs; a column not set holds its previous value. */
    interface InputRow {
        /**
         * The value as the input's type reads it (a {@code UInt(64)} input takes the long's 64 bits); a misfit
         * stops the batch, naming the cycle, the input and the value.
         */
        void set(int column, long value);

        void set(int column, BigInteger value);
    }

    interface OutputRow {
        /** The value as a long; only for nets of at most 64 bits. */
        long get(int column);
        BigInteger getBig(int column);
    }
}
