package defernorm.accel.tops;

import defernorm.accel.units.DrainSequencer;
import defernorm.accel.units.RescaleLanes;
import defernorm.hdl.Bits;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.Vec;
import java.util.List;

/**
 * The drain and the factor plumbing between the MAC array and the output side: a {@link DrainSequencer}
 * wired to the array's landing and drain read and to the buffer's drain-bank rule, and, deferred, the factor
 * FIFO feeding it. Hands the drained groups and the {@link OutputPlan} to {@link TopShell#deliver}: a single
 * top's output stage, or a tile's {@code part_*} ports.
 *
 * <pre>{@code
 * int outputDepth = DrainStage.standard(top, mac, front, 4);   // sat32((acc << 4) + bias)
 * }</pre>
 */
final class DrainStage {
    private DrainStage() {}

    /** Matmul-only and standard: the drain into {@code sat32((acc << up) + bias)}; returns the output depth (0 in a tile). */
    static int standard(TopShell top, PlacedArray mac, Front f, int up) {
        DrainSequencer unit = new DrainSequencer(top.groups(), 0, 0);
        Inst d = drain(top, mac, f, unit);
        return top.deliver(new OutputPlan(false, mac.accBits(), up, 0, 0), drained(d, unit, mac.readData()), null, null);
    }

    /**
     * Deferred: the drain waits for the token's accumulators and its factor ({@code factorValid}: the cycle
     * after the factor register loaded; factors queue in the sequencer's FIFO of {@link TopShell#FACTOR_SLOTS}) and
     * feeds {@code sat32(roundShift(acc·factor, 31 + exp − outFrac) + bias)}. With a {@code shift} (a softmax
     * tile: M − m_t, beside the factor) the groups are first rescaled to the global maximum
     * ({@link RescaleLanes}). Returns the output depth built (0 in a tile).
     */
    static int deferred(TopShell top, PlacedArray mac, Front f, Signal factorValid, Signal factor, Signal exp, int outFrac, Signal shift) {
        // The factor word the drain waits for: the factor, its exponent and (a softmax tile) the shift, packed.
        Vec<Signal> word = Vec.from(shift == null ? List.of(factor, exp) : List.of(factor, exp, shift));
        DrainSequencer unit = new DrainSequencer(top.groups(), Bits.width(word), TopShell.FACTOR_SLOTS);
        Inst d = drain(top, mac, f, unit);
        d.in(unit.factorValid, factorValid).in(unit.factorData, Bits.pack(word));
        List<Signal> held = Bits.unpack(word, d.out(unit.factor)).asList();
        Signal acc = mac.readData();
        if (shift != null) {
            RescaleLanes lanes = new RescaleLanes(top.prm.q(), mac.accBits(), shift.width());
            acc = top.pipelined("rescale", lanes).in(lanes.inAcc, acc).in(lanes.inShift, held.get(2)).out(lanes.outAcc);
        }
        OutputPlan plan = new OutputPlan(true, mac.accBits(), 0, factor.width(), outFrac);
        return top.deliver(plan, drained(d, unit, acc), held.get(0), held.get(1));
    }

    /** The drain sequencer, wired to the array's landing and drain read and to the buffer's drain-bank rule. */
    private static Inst drain(TopShell top, PlacedArray mac, Front f, DrainSequencer unit) {
        Inst d = top.pipelined("drain", unit);
        d.in(unit.land, mac.drainValid());
        f.drainStarts(d.out(unit.start));
        mac.read(d.out(unit.bank), unit.group == null ? null : d.out(unit.group));
        return d;
    }

    /** The groups the drain reads, one per issue, with the sequencer's last and group beside them. */
    private static Drained drained(Inst d, DrainSequencer unit, Signal acc) {
        return new Drained(d.out(unit.issue), d.out(unit.last), unit.group == null ? null : d.out(unit.group), acc);
    }
}
