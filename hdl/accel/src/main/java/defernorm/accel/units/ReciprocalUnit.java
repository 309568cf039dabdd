package defernorm.accel.units;

import defernorm.golden.fixed.ReciprocalTable;
import defernorm.golden.model.Formats;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * Reciprocal as a factor, bit-exact with {@code Factor.reciprocal(den)}: {@code 1/den ~ r·2^-(31+e)} with
 * {@code e = bits(den) - 16}, {@code dn} = den normalized to 24 bits and {@code r = ReciprocalTable.of(dn)}.
 * A {@link LeadingOneNormalizer} (plain, 24-bit mantissa, exponent {@code bits(den) - 24}, 2 stages) then a
 * {@link PiecewiseLinearUnit} (3 stages): 5 stages, fully pipelined.
 *
 * <p>Ports: {@code en}, {@code in_valid}, {@code in_data} (UInt(D), den &ge; 1) &rarr; {@code out_valid},
 * {@code out_r} (UInt(16)), {@code out_exp} (SInt(8)).
 *
 * <pre>{@code
 * ReciprocalUnit u = new ReciprocalUnit(21);   // ReciprocalUnit_V21, u.latency() == 5
 * }</pre>
 */
public final class ReciprocalUnit extends PipelinedUnit {
    /** The denominator ({@code in_valid}, {@code in_data}) and {@code 1/den = r · 2^-exp} ({@code out_valid, out_r, out_exp}). */
    public final Flow in;
    public final Mantissa out;
    private final int latency;

    public ReciprocalUnit(int inBits) {
        super("ReciprocalUnit_V" + inBits);
        if (inBits < 1 || inBits > 90) throw new IllegalArgumentException("ReciprocalUnit needs 1..90 input bits, not " + inBits + ".");
        in = input("in", Flow.of(Type.uint(inBits)));
        out = output("out", Mantissa.of(ReciprocalTable.TABLE.outBits()));
        LeadingOneNormalizer normUnit = new LeadingOneNormalizer(inBits, ReciprocalTable.IN_BITS, false);
        Inst norm = pipelined("normalize", normUnit);
        connect(norm.port(normUnit.in), in);
        PiecewiseLinearUnit tableUnit = new PiecewiseLinearUnit(ReciprocalTable.TABLE);
        Inst table = pipelined("lookup", tableUnit);
        table.in(tableUnit.inValid, norm.out(normUnit.outValid)).in(tableUnit.inMant, norm.out(normUnit.outMant));

        // The table reads 8 more mantissa bits than r has, so e = (bits(den) - 24) + 8 (fits: bits(den) <= 90).
        int eb = LeadingOneNormalizer.EXP_BITS;
        Signal e = norm.out(normUnit.outExp).plus(ReciprocalTable.IN_BITS - Formats.FACTOR_BITS).truncate(eb);
        out.valid().set(table.out(tableUnit.outValid));
        out.r().set(table.out(tableUnit.outR));
        out.exp().set(delay("exp", e, tableUnit.latency()));
        this.latency = normUnit.latency() + tableUnit.latency();
    }

    /** Register stages built: the normalizer's plus the table's (5). */
    public int latency() { return latency; }
}
