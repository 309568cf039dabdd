package defernorm.cosim.random;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reproducible random input values for every input of a design (and {@code rst} for a clocked one: high
 * in the first two cycles, then now and then), made up front so every engine sees the same stimulus.
 * Values favour edge cases (0, -1, min, max) a quarter of the time.
 *
 * <pre>{@code
 * RandomStimulus s = RandomStimulus.of(design, 200, 7L);
 * sim.runBatch(s.inputs(), outputs, s.cycles(), s::drive, observer);
 * }</pre>
 */
public final class RandomStimulus {
    private final List<String> inputs;
    private final List<Type> types;
    private final BigInteger[][] values;   // [cycle][input]

    private RandomStimulus(List<String> inputs, List<Type> types, BigInteger[][] values) {
        this.inputs = inputs; this.types = types; this.values = values;
    }

    public static RandomStimulus of(Design design, int cycles, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (Node.Input in : design.topModule().inputs()) { names.add(in.name()); types.add(in.type()); }
        boolean clocked = design.isClocked(design.top());
        if (clocked) { names.add("rst"); types.add(Type.bool()); }
        BigInteger[][] values = new BigInteger[cycles][names.size()];
        for (int c = 0; c < cycles; c++) {
            for (int i = 0; i < names.size(); i++) {
                boolean isRst = clocked && i == names.size() - 1;
                values[c][i] = isRst ? BigInteger.valueOf(c < 2 || rnd.nextInt(12) == 0 ? 1 : 0) : value(types.get(i), rnd);
            }
        }
        return new RandomStimulus(List.copyOf(names), List.copyOf(types), values);
    }

    private static BigInteger value(Type t, SplittableRandom rnd) {
        BigInteger mod = BigInteger.ONE.shiftLeft(t.width());
        BigInteger raw = switch (rnd.nextInt(8)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> BigInteger.ONE.negate();
            case 2 -> BigInteger.ONE.shiftLeft(t.width() - 1);
            case 3 -> BigInteger.valueOf(rnd.nextInt(4));
            default -> {
                BigInteger r = BigInteger.ZERO;
                for (int bits = 0; bits < t.width(); bits += 64) r = r.shiftLeft(64).or(BigInteger.valueOf(rnd.nextLong()).mod(BigInteger.ONE.shiftLeft(64)));
                yield r;
            }
        };
        BigInteger u = raw.mod(mod);
        return t.signed() && u.testBit(t.width() - 1) ? u.subtract(mod) : u;
    }

    /** Input names, in column order ({@code rst} last for a clocked design). */
    public List<String> inputs() { return inputs; }

    public List<Type> types() { return types; }

    public int cycles() { return values.length; }

    public BigInteger value(int cycle, int input) { return values[cycle][input]; }

    /** A {@link defernorm.cosim.Simulation.Stimulus} for {@code runBatch} with {@link #inputs()} as columns. */
    public void drive(long cycle, defernorm.cosim.Simulation.InputRow row) {
        BigInteger[] v = values[(int) cycle];
        for (int i = 0; i < v.length; i++) row.set(i, v[i]);
    }
}
