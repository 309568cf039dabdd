package defernorm.golden.model;

import defernorm.golden.fixed.Exp2;
import defernorm.golden.fixed.Rounding;

/**
 * The softmax reduction, beat by beat with a running integer maximum in the base-2 log domain
 * (both softmax variants use it, so they share den and the factor).
 *
 * <p>Per beat k (lanes i): u[i] = s[i] * L (12 fractional bits); beat max b = max(u[i] >> 12);
 * M_k = b for k = 0, else max(M_{k-1}, b); delta_k = M_k - M_{k-1} (0 for k = 0);
 * p[i] = exp2(u[i] - (M_k << 12)) in [0, 255]; den = roundShift(den, delta_k) + sum p[i].
 *
 * <pre>{@code
 * OnlineSoftmax r = OnlineSoftmax.run(scores, cfg.scoreMul(), p);
 * Factor f = Factor.reciprocal(r.den());
 * }</pre>
 *
 * @param beatMax running max M_k after each beat
 * @param den     final denominator, in [128, 255 n]
 */
public record OnlineSoftmax(long[] beatMax, long den) {

    /** Runs the reduction over a token of n scores with P lanes per beat. */
    public static OnlineSoftmax run(byte[] s, long scoreMul, int p) {
        int beats = s.length / p;
        long[] mk = new long[beats];
        long m = 0;
        long den = 0;
        for (int k = 0; k < beats; k++) {
            long b = Long.MIN_VALUE;
            for (int i = k * p; i < (k + 1) * p; i++) {
                b = Math.max(b, logDomain(s[i], scoreMul) >> Exp2.LOG_FRAC);
            }
            long delta = k == 0 ? 0 : Math.max(0, b - m);
            m = k == 0 ? b : Math.max(m, b);
            mk[k] = m;
            long sum = 0;
            for (int i = k * p; i < (k + 1) * p; i++) {
                sum += exp(s[i], scoreMul, m);
            }
            den = Rounding.roundShift(den, clampShift(delta)) + sum;
        }
        return new OnlineSoftmax(mk, den);
    }

    /** u = s * L: the score in base-2 log units with 12 fractional bits. */
    public static long logDomain(byte s, long scoreMul) {
        return s * scoreMul;
    }

    /** p = exp2(u - (max << 12)): the exp unit relative to an integer maximum. */
    public static long exp(byte s, long scoreMul, long max) {
        return Exp2.of(logDomain(s, scoreMul) - (max << Exp2.LOG_FRAC));
    }

    /** Rescale shifts are clamped like every shift (see Rounding.MAX_SHIFT). */
    public static int clampShift(long delta) {
        return (int) Math.min(delta, Rounding.MAX_SHIFT);
    }

    /** The global maximum (the running max after the last beat). */
    public long max() {
        return beatMax[beatMax.length - 1];
    }

    /** Total rescale shift applied after beat k: M_final - M_k. */
    public long laterShift(int k) {
        return max() - beatMax[k];
    }

    /** The statistics a softmax TokenResult reports: {M, den}. */
    long[] asArray() {
        return new long[] {max(), den};
    }
}
