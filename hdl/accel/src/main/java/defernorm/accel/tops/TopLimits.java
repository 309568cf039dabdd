package defernorm.accel.tops;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;

/**
 * The shapes a top can be built at, beyond the rules {@link Params} already enforces (P divides n, Q divides
 * m, sizes in range): each broken rule is refused with one sentence naming it, before anything is generated.
 *
 * <pre>{@code
 * TopLimits.check(Op.RMSNORM, Variant.DEFERRED, new Params(64, 32, 8, 4, 0));   // fine
 * TopLimits.check(Op.RMSNORM, Variant.DEFERRED, new Params(64, 32, 8, 4, 1 << 20));   // throws: C too large
 * TopLimits.check(Op.RMSNORM, Variant.DEFERRED, new Params(16384, 65536, 64, 64, 4));  // throws: n·m too large
 * }</pre>
 */
public final class TopLimits {
    /** Most input lanes: the array's P rows, the buffer word of P int8 and the reduction trees. */
    public static final int MAX_P = 256;
    /** Most output lanes: the array's Q columns and the Q int32 lanes of an output beat. */
    public static final int MAX_Q = 256;
    /** Most MACs in the array (P·Q): one weight word holds a P×Q int8 tile. */
    public static final int MAX_MACS = 4096;
    /** Most weight words (NB·G): the weight memory and the configuration address space. */
    public static final int MAX_WEIGHT_WORDS = 1 << 20;
    /** Longest collective stage: C registers are built. */
    public static final int MAX_C = 4096;
    /**
     * Most int8 weights (n·m, 128 Mi = 128 MiB of weight memory). Building a top costs time and memory in
     * proportion to n·m (measured on the project's 2-core machine: 42 s and 1.3 GB for 4096 × 28672, 89 s and
     * 2.7 GB at the largest legal n and m, 1 Gi weights), and the simulators then hold the whole memory. The
     * bound still admits the largest layer of the Llama block estimates (Llama-3-8B's fused gate and up
     * projection, 4096 × 28672 = 117 Mi weights); those only ask for depths, which {@link TopGenerator#depths}
     * answers from a small probe top.
     */
    public static final long MAX_WEIGHTS = 1L << 27;

    private TopLimits() {}

    /** Throws {@link IllegalArgumentException} naming the first rule {@code params} breaks for this top. */
    public static void check(Op op, Variant variant, Params params) {
        require(op != null && variant != null && params != null, "a top needs an op, a variant and a parameter set.");
        require(params.p() <= MAX_P, "P must be at most " + MAX_P + " input lanes, got " + params.p() + ".");
        require(params.q() <= MAX_Q, "Q must be at most " + MAX_Q + " output lanes, got " + params.q() + ".");
        long macs = (long) params.p() * params.q(), words = (long) params.beats() * params.groups(), weights = (long) params.n() * params.m();
        require(macs <= MAX_MACS, "the MAC array must have at most " + MAX_MACS + " MACs (P·Q), got " + macs + ".");
        require(words <= MAX_WEIGHT_WORDS, "the weight memory must fit " + MAX_WEIGHT_WORDS + " words (NB·G = n/P · m/Q), got " + words + ".");
        require(weights <= MAX_WEIGHTS, "n·m must be at most " + MAX_WEIGHTS + " weights (128 MiB of int8 weight memory: building"
                + " a top takes time and memory in proportion to n·m, about 45 s and 1.4 GB at the limit), got " + weights + ".");
        require(params.c() <= MAX_C, "C must be at most " + MAX_C + " cycles (one register each), got " + params.c() + ".");
    }

    /** Throws {@link IllegalArgumentException} with {@code rule} unless {@code ok}: one broken rule, one sentence. */
    public static void require(boolean ok, String rule) {
        if (!ok) throw new IllegalArgumentException(rule);
    }
}
