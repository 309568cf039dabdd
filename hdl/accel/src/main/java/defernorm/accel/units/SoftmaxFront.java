package defernorm.accel.units;

import defernorm.golden.fixed.Exp2;
import defernorm.golden.model.Formats;
import defernorm.hdl.*;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Softmax's per-beat front, bit-exact with {@code OnlineSoftmax}: {@code u = s·L} per lane (1 stage), the
 * beat maximum of {@code u >> 12} over a MAX {@link ReductionTree} whose accumulator is the running maximum
 * {@code M_k} ({@code Type.clog2(P) + 1}), then one {@link Exp2Unit} per lane on {@code u - (M_k << 12)}
 * (3): {@link #latency()} stages from the input register (excluded) to the exp output register
 * (included). Built with {@code registeredExp = false}, the exp units' last register is left to the
 * consumer (the MAC array's input register in softmax deferred): one stage fewer here.
 *
 * <pre>{@code
 * SoftmaxFront f = new SoftmaxFront(8, 8, false);   // SoftmaxFront_P8_NB8_C
 * }</pre>
 */
public final class SoftmaxFront extends PipelinedUnit {
    /** Width of the score multiplier L. */
    public static final int L_BITS = Type.bitsFor(Formats.MAX_SCORE_MUL - 1);
    /** Width of u = s·L: int8 times a 17-bit signed L. */
    public static final int U_BITS = Formats.DATA_BITS + L_BITS + 1;
    /** Width of the integer maxima {@code u >> LOG_FRAC}. */
    public static final int MAX_BITS = U_BITS - Exp2.LOG_FRAC;

    /** A beat of P int8 scores {@code in_s} (lane 0 low) and the score multiplier L, sampled with it. */
    public final Signal inValid, inLast, inS, inL;
    /** P exp values {@code out_p}, the running max's growth at this beat (the rescale shift) and the max M_k. */
    public final Output outP, outValid, outLast, outDelta, outMax;
    private final int latency;

    public SoftmaxFront(int p, int beats, boolean registeredExp) {
        super("SoftmaxFront_P" + p + "_NB" + beats + (registeredExp ? "" : "_C"));
        inValid = input("in_valid", Type.bool());
        inLast = input("in_last", Type.bool());
        inS = input("in_s", Type.uint(p * Formats.DATA_BITS));
        inL = input("in_l", Type.uint(L_BITS));
        Signal valid = inValid, last = inLast;
        Signal l = inL.extend(L_BITS + 1).asSigned();

        // ---- u = s * L per lane ------------------------------------------------------------------------------
        List<Signal> u = new ArrayList<>();
        List<Signal> ints = new ArrayList<>();
        for (Signal si : lanes(inS, p, Type.sint(Formats.DATA_BITS))) {
            Signal ui = stage("u_" + u.size(), si.times(l));
            u.add(ui);
            ints.add(ui.shr(Exp2.LOG_FRAC));
        }
        valid = stage("u_valid", valid);
        last = stage("u_last", last);

        // ---- running maximum of the integer parts -------------------------------------------------------------
        ReductionTree maxUnit = new ReductionTree(new ReductionTree.Config(p, Type.sint(MAX_BITS), beats, ReduceOp.MAX, false, 0));
        Inst max = pipelined("running_max", maxUnit);
        connect(max.port(maxUnit.in), new Beat(valid, last, pack(ints)));
        Beat running = max.port(maxUnit.out);
        int wait = maxUnit.latency();
        Signal mk = running.data();

        // ---- exp per lane, u aligned with M_k ----------------------------------------------------------------
        Exp2Unit expUnit = new Exp2Unit(U_BITS, MAX_BITS, registeredExp);
        int expStages = expUnit.latency();
        List<Signal> probs = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            probs.add(expUnit.on(pipelined("exp_" + i, expUnit), running.valid(), delay("u_" + i + "_wait", u.get(i), wait), mk));
        }
        outP = output("out_p", pack(probs));
        outValid = output("out_valid", delay("valid", running.valid(), expStages));
        outLast = output("out_last", delay("last", running.last(), expStages));
        outDelta = output("out_delta", delay("delta", max.out(maxUnit.outDelta), expStages));
        outMax = output("out_max", delay("max", mk, expStages));
        this.latency = 1 + wait + expStages;   // u, running max, exp
    }

    /** Register stages built, from the input (excluded) to the output: 1 + Type.clog2(P) + 1 + 3 (one fewer unregistered). */
    public int latency() { return latency; }
}
