package defernorm.accel.units;

import defernorm.golden.model.Formats;
import defernorm.hdl.*;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard softmax normalize stage (6 stages, P lanes), bit-exact with {@code SoftmaxStandard}:
 * {@code u = s·L} (1), {@code p = exp2(u - (M << 12))} by an {@link Exp2Unit} (3), {@code p·r} (1),
 * {@code q = clamp(roundShift(p·r, 31 + e - 8), 0, 255)} (1). The result is the MAC array's uint8 input
 * with {@code PROB_FRAC} = 8 fractional bits.
 *
 * <pre>{@code
 * SoftmaxRequantize q = new SoftmaxRequantize(8);   // SoftmaxRequantize_P8
 * }</pre>
 */
public final class SoftmaxRequantize extends PipelinedUnit {
    /** Width of the requantized probabilities (uint8, 0..255: [0, 1) with PROB_FRAC fractional bits). */
    public static final int Q_BITS = Formats.PROB_FRAC;

    /** A beat of P int8 scores {@code in_s} with L, the token's final max M, r and exponent, all sampled with it. */
    public final Signal inValid, inLast, inS, inL, inMax, inR, inExp;
    /** P quantized probabilities {@code out_q} (UInt(8) lanes). */
    public final Output outQ, outValid, outLast;
    private int depth;

    public SoftmaxRequantize(int p) {
        this(p, true);
    }

    /**
     * @param registeredOutput false to leave the last register to the consumer (the MAC array's input
     *                         register): {@code out_*} are then combinational from stage 5 (name suffix {@code _C})
     */
    public SoftmaxRequantize(int p, boolean registeredOutput) {
        super("SoftmaxRequantize_P" + p + (registeredOutput ? "" : "_C"));
        int eb = LeadingOneNormalizer.EXP_BITS;
        Signal en = en();
        inValid = input("in_valid", Type.bool());
        inLast = input("in_last", Type.bool());
        inS = input("in_s", Type.uint(p * Formats.DATA_BITS));
        inL = input("in_l", Type.uint(SoftmaxFront.L_BITS));
        inMax = input("in_max", Type.sint(SoftmaxFront.MAX_BITS));
        inR = input("in_r", Type.uint(16));
        inExp = input("in_exp", Type.sint(eb));
        Signal valid = inValid, last = inLast;
        Signal l = inL.extend(SoftmaxFront.L_BITS + 1).asSigned();

        // ---- stage 1: u = s * L ---------------------------------------------------------------------------------
        List<Signal> u = new ArrayList<>();
        for (Signal si : lanes(inS, p, Type.sint(Formats.DATA_BITS))) u.add(stage("u_" + u.size(), si.times(l)));
        valid = stage("u_valid", valid);
        last = stage("u_last", last);
        Signal maxQ = stage("u_max", inMax);
        // r and the shift travel with their beat, so a new token's factor never meets an old token's lanes.
        Signal shift = stage("u_shift", factorShift(inExp, Formats.PROB_FRAC));
        Signal rQ = stage("u_r", inR);
        depth++;

        // ---- stages 2-4: exp ---------------------------------------------------------------------------------------
        Exp2Unit expUnit = new Exp2Unit(SoftmaxFront.U_BITS, SoftmaxFront.MAX_BITS, true);
        List<Signal> probs = new ArrayList<>();
        for (int i = 0; i < p; i++) probs.add(expUnit.on(pipelined("exp_" + i, expUnit), valid, u.get(i), maxQ));
        valid = delay("exp_valid", valid, expUnit.latency());
        shift = delay("exp_shift", shift, expUnit.latency());
        rQ = delay("exp_r", rQ, expUnit.latency());
        last = delay("exp_last", last, expUnit.latency());
        depth += expUnit.latency();

        // ---- stage 5: times r; shift amount 31 + e - 7 ---------------------------------------------------------------
        List<Signal> prod = new ArrayList<>();
        for (int i = 0; i < p; i++) prod.add(stage("m_" + i, probs.get(i).times(rQ)));
        shift = stage("m_shift", shift);
        valid = stage("m_valid", valid);
        last = stage("m_last", last);
        depth++;

        // ---- stage 6: round, clamp to 0..255 --------------------------------------------------------------------------
        List<Signal> out = new ArrayList<>();
        long top = (1L << Q_BITS) - 1;
        for (int i = 0; i < p; i++) {
            Signal rounded = roundShift(prod.get(i), shift);
            Signal clamped = Signal.mux(rounded.gt(top), lit(top, rounded.type()), rounded).truncate(Q_BITS);
            out.add(registeredOutput ? stage("q_" + i, clamped) : clamped);
        }
        outQ = output("out_q", pack(out));
        outValid = output("out_valid", registeredOutput ? stage("q_valid", valid) : valid);
        outLast = output("out_last", registeredOutput ? stage("q_last", last) : last);
        if (registeredOutput) depth++;
    }

    /** Register stages built: 6, or 5 without the registered output. */
    public int latency() { return depth; }
}
