package defernorm.accel.units;

import defernorm.golden.fixed.Exp2;
import defernorm.hdl.*;
import defernorm.hdl.ir.Type;

/**
 * The softmax exp unit, bit-exact with {@code Exp2.of(u - (max << 12))} ({@code OnlineSoftmax.exp}):
 * three register stages (two without the registered output), fully pipelined.
 * <ol>
 *   <li>subtract and split: {@code d = u - (max << LOG_FRAC)}; table index = the top {@code INDEX_BITS} of
 *       d's fraction; shift = {@code min(-(d >> LOG_FRAC), 9)} (T &lt; 256, so any shift &ge; 9 gives 0,
 *       as the golden clamp does);</li>
 *   <li>table lookup: a ROM of {@code 2^INDEX_BITS} entries of {@code OUT_BITS} bits holding
 *       {@code Exp2.table(...)} (its synchronous read is this stage's register);</li>
 *   <li>rounding shift {@code roundShift(T[idx], shift)}; registered here unless built with
 *       {@code registeredOutput = false}, when the consumer's register (the MAC array's input register)
 *       is this stage's register.</li>
 * </ol>
 * Requires {@code u - (max << LOG_FRAC) < 2^LOG_FRAC}, which the running maximum guarantees.
 *
 * <pre>{@code
 * Exp2Unit e = new Exp2Unit(25, 13, true);   // Exp2Unit_U25_M13
 * }</pre>
 */
public final class Exp2Unit extends PipelinedUnit {
    /** Shifts at or above this give 0 for every table entry (entries are below 2^OUT_BITS). */
    static final int ZERO_SHIFT = Exp2.OUT_BITS + 1;

    /** u and the running max M (SInt), with their valid; {@code 2^(u/2^F − M)} as {@code out_p}. */
    public final Signal inValid, inU, inMax;
    public final Output outValid, outP;
    private int depth;

    public Exp2Unit(int uBits, int maxBits, boolean registeredOutput) {
        super("Exp2Unit_U" + uBits + "_M" + maxBits + (registeredOutput ? "" : "_C"));
        if (uBits < 2 || maxBits < 4) throw new IllegalArgumentException("Exp2Unit needs u of at least 2 bits and max of at least 4 bits, not " + uBits + " and " + maxBits + ".");
        int f = Exp2.LOG_FRAC;
        inValid = input("in_valid", Type.bool());
        inU = input("in_u", Type.sint(uBits));
        inMax = input("in_max", Type.sint(maxBits));
        Signal valid = inValid;

        // ---- stage 1: subtract the max, split into table index and shift -------------------------------------
        Signal d = inU.minus(inMax.shl(f)).named("d");                                   // SInt(max(U, M+F) + 1)
        Signal ip = d.shr(f).named("d_int");                                       // <= 0
        Signal idx = d.slice(f - 1, f - Exp2.INDEX_BITS).named("d_index");
        int sb = Type.bitsFor(ZERO_SHIFT);
        Signal small = ip.neg().truncate(sb).asUnsigned();
        Signal shift = Signal.mux(ip.le(-ZERO_SHIFT), lit(ZERO_SHIFT, Type.uint(sb)), small).named("d_shift");
        Signal idxQ = stage("s1_index", idx);
        Signal shiftQ = stage("s1_shift", shift);
        valid = stage("s1_valid", valid);
        depth++;

        // ---- stage 2: table lookup (the ROM's read register) ----------------------------------------------------
        Mem rom = memory("exp_table", Exp2.OUT_BITS, 1 << Exp2.INDEX_BITS).init(Exp2.table(Exp2.INDEX_BITS, Exp2.OUT_BITS));
        Signal t = rom.read("s2_table", idxQ, en());
        Signal shift2 = stage("s2_shift", shiftQ);
        valid = stage("s2_valid", valid);
        depth++;

        // ---- stage 3: rounding shift -------------------------------------------------------------------------------
        Signal p = roundShift(t, shift2).named("p");
        if (registeredOutput) {
            p = stage("s3_p", p);
            valid = stage("s3_valid", valid);
            depth++;
        }
        outValid = output("out_valid", valid);
        outP = output("out_p", p);
    }

    /** Connects this unit's instance {@code i} to a lane's {@code valid}, u and max; returns its {@code out_p}. */
    public Signal on(Inst i, Signal valid, Signal u, Signal max) {
        return i.in(inValid, valid).in(inU, u).in(inMax, max).out(outP);
    }

    /** Register stages built: 3, or 2 without the output register (the consumer's register is then the third). */
    public int latency() { return depth; }
}
