package defernorm.accel.units;

import defernorm.golden.fixed.PiecewiseLinear;
import defernorm.hdl.*;
import defernorm.hdl.ir.Type;

/**
 * A table-seeded piecewise-linear function of a normalized mantissa, bit-exact with
 * {@link PiecewiseLinear#of(long)}: three register stages, fully pipelined (one input per cycle).
 * <ol>
 *   <li>table read: the mantissa's top bits address a ROM holding {@code table.words()}
 *       (ROM {@code coeffs}: {@code C0 << c1Bits | C1}; its synchronous read is this stage's register), the position bits
 *       below the index are registered beside it;</li>
 *   <li>multiply: {@code C1·frac}, with C0 carried along;</li>
 *   <li>subtract, round, clamp: {@code min(2^out - 1, (C0·2^F - C1·frac + 2^(F+G-1)) >> (F+G))}.</li>
 * </ol>
 * The mantissa must be normalized (at least the table's smallest input), as in the golden model.
 *
 * <pre>{@code
 * PiecewiseLinearUnit u = new PiecewiseLinearUnit(InverseSqrtTable.TABLE);   // PiecewiseLinearUnit_RSQRT_W32_I9_F16
 * }</pre>
 */
public final class PiecewiseLinearUnit extends PipelinedUnit {
    /** The normalized mantissa {@code in_mant} (UInt(inBits)) in; {@code out_r} (UInt(outBits)) out. */
    public final Signal inValid, inMant;
    public final Output outR, outValid;
    private int depth;

    public PiecewiseLinearUnit(PiecewiseLinear table) {
        super("PiecewiseLinearUnit_" + table.name() + "_W" + table.inBits() + "_I" + table.indexBits() + "_F" + table.fracBits());
        int w = table.inBits(), f = table.fracBits(), c0Bits = table.c0Bits(), c1Bits = table.c1Bits();
        inValid = input("in_valid", Type.bool());
        inMant = input("in_mant", Type.uint(w));
        Signal valid = inValid, m = inMant;

        // ---- stage 1: table read (the ROM's read register), position beside it --------------------------------
        Mem rom = memory("coeffs", c0Bits + c1Bits, table.segments()).init(table.words());
        Signal index = m.slice(w - 1, w - table.indexBits());
        // Segment = index - first; for the reciprocal (first = 2^(I-1)) this just drops the leading one.
        Signal segment = index.minus(table.first()).truncate(rom.addrWidth()).asUnsigned().named("segment");
        Signal word = rom.read("t_word", segment, en());
        Signal frac = stage("t_frac", m.slice(w - table.indexBits() - 1, w - table.indexBits() - f));
        valid = stage("t_valid", valid);
        depth++;

        // ---- stage 2: C1 * frac -----------------------------------------------------------------------------
        Signal prod = stage("m_prod", word.slice(c1Bits - 1, 0).times(frac));
        Signal c0 = stage("m_c0", word.slice(c0Bits + c1Bits - 1, c1Bits));
        valid = stage("m_valid", valid);
        depth++;

        // ---- stage 3: C0·2^F - C1·frac, rounded half up, clamped ---------------------------------------------
        int shift = f + PiecewiseLinear.GUARD_BITS;
        Signal base = c0.shl(f);
        base = base.plus(1L << (shift - 1));                                      // UInt(c0Bits + f + 1)
        Signal chord = base.minus(prod).named("chord");                           // >= C0[s+1]·2^F > 0
        Signal rounded = chord.shr(shift).asUnsigned();
        Signal r = clamp(rounded, (int) ((1L << table.outBits()) - 1));
        outR = output("out_r", stage("r_out", r.resize(table.outBits())));
        outValid = output("out_valid", stage("r_valid", valid));
        depth++;
    }

    /** Register stages built: 3. */
    public int latency() { return depth; }
}
