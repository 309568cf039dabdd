package defernorm.cosim;

import defernorm.hdl.SourceLocator;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A port or debug net of one {@link Simulation}, resolved once by {@link Simulation#port}: poke, peek and
 * expect without a name lookup per call, which is what a reactive testbench does every cycle.
 *
 * <pre>{@code
 * Port a = sim.port("a"), y = sim.port("y");
 * for (int i = 0; i < 100; i++) {
 *     a.poke(i);
 *     y.expect(2 * i);
 *     sim.step();
 * }
 * }</pre>
 *
 * <p>Misuse is one sentence naming the port and the caller's line: poking an output or a debug net,
 * using the handle after its simulation closed, or handing it to an API of another simulation
 * ({@link #checkBelongsTo}).
 */
public abstract class Port {
    private final Simulation owner;
    private final String name;
    private final Type type;
    private final boolean input;

    /** For engines: {@code input} says whether the net may be poked. */
    protected Port(Simulation owner, String name, Type type, boolean input) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.input = input;
    }

    public final String name() { return name; }

    public final Type type() { return type; }

    /** Whether this is an input port (the only kind that may be poked). */
    public final boolean isInput() { return input; }

    /** The simulation this handle belongs to. */
    public final Simulation simulation() { return owner; }

    /** Sets the input; the value must fit its type. */
    public final void poke(long value) {
        checkPokeable();
        pokeLong(value);
    }

    public final void poke(BigInteger value) {
        checkPokeable();
        pokeBig(Objects.requireNonNull(value, "value"));
    }

    /** The settled value as a long (the net must be at most 64 bits, or hold a value that fits). */
    public final long peekLong() {
        checkOpen("peek");
        return readLong();
    }

    /** The settled value, negative for a signed net with its top bit set. */
    public final BigInteger peek() {
        checkOpen("peek");
        return readBig();
    }

    /** Checks the settled value; a mismatch throws {@link SimulationMismatch} naming cycle, net, values and line. */
    public final void expect(long expected) { expect(BigInteger.valueOf(expected)); }

    public final void expect(BigInteger expected) {
        checkOpen("expect");
        BigInteger actual = readBig();
        if (!actual.equals(expected)) {
            throw new SimulationMismatch(owner.cycle(), name, expected, actual);
        }
    }

    /** Throws unless this handle belongs to {@code sim}; for APIs that take ports (testbench drivers). */
    public final void checkBelongsTo(Simulation sim) {
        if (sim != owner) {
            throw new IllegalArgumentException("port " + name + " belongs to another simulation than the one it is used with"
                    + at() + "; get it from that simulation's port(\"" + name + "\")");
        }
    }

    @Override public String toString() { return "port " + name + " (" + type + ")"; }

    private void checkPokeable() {
        checkOpen("poke");
        if (!input) {
            throw new IllegalArgumentException("port " + name + " is not an input and cannot be poked" + at() + "; only inputs can");
        }
    }

    private void checkOpen(String what) {
        if (isClosed()) {
            throw new IllegalStateException("cannot " + what + " port " + name + ": its simulation is closed" + at());
        }
    }

    private static String at() {
        return SourceLocator.callerOutside(Simulation.class).map(at -> " (at " + at + ")").orElse("");
    }

    // ---- for engines ----

    protected abstract boolean isClosed();

    /** Sets the input to a value not yet checked against its type. */
    protected abstract void pokeLong(long value);

    protected abstract void pokeBig(BigInteger value);

    protected abstract long readLong();

    protected abstract BigInteger readBig();
}
