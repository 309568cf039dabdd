package defernorm.accel.units;

import defernorm.golden.model.Formats;
import defernorm.hdl.*;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.function.*;

/**
 * Base of the accelerator units that advance under one pipeline enable {@code en}: the top drives
 * {@code en} low to stall the whole datapath (e.g. on {@code m_axis_tready} low), and every register of
 * the unit then holds. Every register resets to 0, so all engines (and Icarus) agree on every cycle.
 *
 * <pre>{@code
 * final class Delay2 extends PipelinedUnit {
 *     Delay2() {
 *         super("Delay2");
 *         Signal d = input("d", Type.uint(8));
 *         output("q", Type.uint(8)).set(stage("q2", stage("q1", d)));
 *     }
 * }
 * }</pre>
 */
public abstract class PipelinedUnit extends Component {
    private Signal enable;

    protected PipelinedUnit(String name) { super(name); }

    /** Declares the {@code en} input (once) and returns it. */
    protected final Signal en() {
        if (enable == null) enable = input("en", Type.bool());
        return enable;
    }

    /** Connects {@code child}'s {@code en} (if it has one) in its instance {@code i} to {@code en}. */
    public static Inst enabled(Inst i, PipelinedUnit child, Signal en) {
        if (child.enable != null) i.in(child.enable, en);
        return i;
    }

    /** Instantiates a pipelined {@code child} under this unit's enable. */
    protected final Inst pipelined(String name, PipelinedUnit child) {
        return enabled(instance(name, child), child, en());
    }

    /** {@code v} delayed by {@code edges} enabled edges through a {@link DelayLine} named {@code name} (as is when 0). */
    protected final Signal delayLine(String name, Signal v, int edges) {
        return delayLine(v, edges, line -> pipelined(name, line));
    }

    /**
     * {@code v} delayed by {@code edges} enabled edges through a {@link DelayLine} that {@code place} instantiates
     * under the caller's enable (as is when 0): the one wiring of a delay line, for units and tops alike.
     */
    public static Signal delayLine(Signal v, int edges, Function<DelayLine, Inst> place) {
        if (edges == 0) return v;
        DelayLine line = new DelayLine(v.width(), edges);
        return place.apply(line).in(line.in, v).out(line.out);
    }

    /** A register named {@code name} that loads {@code next} on every enabled edge; resets to 0. */
    protected final Signal stage(String name, Signal next) {
        Reg r = stageReg(name, next.type());
        r.set(next);
        return r;
    }

    /** {@code r} flips on the enabled edges where {@code cond} is high. */
    protected static void toggle(Reg r, Signal cond) { r.set(Signal.mux(cond, r.not(), r)); }

    /** {@code r} counts up on {@code inc} and down on {@code dec} (both: holds). */
    protected static void upDown(Reg r, Signal inc, Signal dec) {
        int w = r.width();
        Signal up = r.plus(1).truncate(w), down = r.minus(1).truncate(w).asUnsigned();
        r.set(Signal.mux(inc, Signal.mux(dec, r, up), Signal.mux(dec, down, r)));
    }

    /** The next value of counter {@code r} on {@code step}: 0 after {@code atEnd}, else r + 1 (no step: r). */
    protected final Signal wrapCount(Reg r, Signal step, Signal atEnd) {
        return Signal.mux(step, Signal.mux(atEnd, lit(0, r.type()), r.plus(1).truncate(r.width())), r);
    }

    /** A register named {@code name} of type {@code t}, enabled by {@code en}, reset to 0, not yet assigned. */
    protected final Reg stageReg(String name, Type t) {
        return reg(name, t).resetTo(0).enable(en());
    }

    /** {@code s} delayed by {@code cycles} enabled edges through registers {@code name_1 .. name_cycles}. */
    protected final Signal delay(String name, Signal s, int cycles) {
        Signal cur = s;
        for (int i = 1; i <= cycles; i++) cur = stage(name + "_d" + i, cur);
        return cur;
    }

    /**
     * A pipelined balanced tree over {@code leaves}: level {@code l} pairs neighbours with {@code combine}
     * (an odd last element goes through {@code carry}, e.g. a width extension) and registers each result in
     * its own named register {@code prefix_l<l>_<i>}, so every level is its own set of nets (never one
     * self-referencing vector). {@code Type.clog2(leaves)} levels; one leaf is returned as is.
     */
    protected final Signal tree(String prefix, List<Signal> leaves, BinaryOperator<Signal> combine,
                                UnaryOperator<Signal> carry) {
        List<Signal> level = leaves;
        for (int l = 1; level.size() > 1; l++) {
            List<Signal> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                Signal v = i + 1 < level.size() ? combine.apply(level.get(i), level.get(i + 1)) : carry.apply(level.get(i));
                next.add(stage(prefix + "_l" + l + "_" + (i / 2), v));
            }
            level = next;
        }
        return level.get(0);
    }

    /** Splits a packed bus into {@code lanes} lanes of {@code t}, lane 0 in the low bits. */
    protected static List<Signal> lanes(Signal bus, int lanes, Type t) {
        List<Signal> out = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            Signal raw = bus.slice((i + 1) * t.width() - 1, i * t.width());
            out.add(t.signed() ? raw.asSigned() : raw);
        }
        return out;
    }

    /** Packs lanes (lane 0 in the low bits) into one UInt bus. */
    protected static Signal pack(List<Signal> lanes) { return Vec.from(lanes).asBits(); }

    /**
     * The project's one rounding rule, {@code Rounding.roundShift(v, s)} (round half up), for a variable
     * shift: {@code ((2v >> s) + 1) >> 1}, which equals {@code floor((v + 2^(s-1)) / 2^s)} for s &ge; 1 and
     * {@code v} for s = 0. Shift amounts beyond the width are clamped (the result is then 0, as in the
     * golden model). Same type as {@code v}.
     */
    protected final Signal roundShift(Signal v, Signal s) {
        int w = v.width();
        Signal twice = v.shl(1);
        Signal amount = clamp(s, w + 1);
        Signal shifted = twice.shr(amount);
        return shifted.plus(1).shr(1).truncate(w);
    }

    /** {@code min(s, max)} for a UInt {@code s}, as a UInt just wide enough for {@code max}. */
    protected final Signal clamp(Signal s, int max) {
        int bits = Type.bitsFor(max);
        if (s.width() <= bits && ((1L << s.width()) - 1) <= max) return s;
        return Signal.mux(s.gt(max), lit(max, Type.uint(bits)), s.resize(bits));   // max fits s here
    }

    /**
     * The right shift {@code 31 + e - outFrac} (UInt(8)) that takes a product with a factor {@code r·2^-(31+e)} to
     * {@code outFrac} fractional bits; the golden model's formats keep it at least 0.
     */
    protected static Signal factorShift(Signal exp, int outFrac) {
        return exp.plus(Formats.FACTOR_FRAC - outFrac).truncate(exp.width()).asUnsigned();
    }

    /** Saturates a signed value to {@code bits} bits ({@code Saturate.signed}), as SInt(bits). */
    protected final Signal saturateSigned(Signal v, int bits) {
        if (v.width() <= bits) return v.extend(bits);
        long hi = (1L << (bits - 1)) - 1;
        long lo = -(1L << (bits - 1));
        Signal hiC = lit(hi, v.type());
        Signal loC = lit(lo, v.type());
        return Signal.mux(v.gt(hiC), hiC, Signal.mux(v.lt(loC), loC, v)).truncate(bits);
    }
}
