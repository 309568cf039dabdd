package defernorm.accel.system;

import defernorm.accel.tops.TopLimits;
import static defernorm.accel.tops.TopLimits.require;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.SystemShape;

/**
 * The systems that can be built (docs/system.md), beyond {@link SystemShape}'s own rules (1 ≤ T ≤ 16,
 * 0 ≤ H ≤ 1000, a topology) and a tile's {@link TopLimits}: each broken rule is refused with one sentence
 * naming it, before anything is generated.
 *
 * <pre>{@code
 * SystemLimits.check(Op.RMSNORM, Variant.DEFERRED, new Params(64, 32, 4, 4, 0), new SystemShape(4, Topology.RING, 1, 64));  // fine
 * SystemLimits.check(Op.RMSNORM, Variant.DEFERRED, new Params(48, 32, 4, 4, 0), new SystemShape(8, Topology.RING, 1, 64));  // throws: T·P must divide n
 * }</pre>
 */
public final class SystemLimits {
    private SystemLimits() {}

    /** Throws {@link IllegalArgumentException} naming the first rule the system breaks ({@code params.p()}: lanes per tile). */
    public static void check(Op op, Variant variant, Params params, SystemShape shape) {
        require(op != null && variant != null && params != null && shape != null,
                "a system needs an op, a variant, a parameter set and a system shape.");
        int t = shape.tiles();
        if (t == 1) {
            TopLimits.check(op, variant, params);
            return;
        }
        require(params.c() == 0, "C must be 0 when T > 1 (the reduction network is the collective), got C=" + params.c() + ".");
        long lanes = (long) t * params.p();
        require(params.n() % lanes == 0, "T·P must divide n: " + t + " tiles of P=" + params.p() + " lanes need n to be a multiple of "
                + lanes + ", got n=" + params.n() + ".");
        require(lanes <= TopLimits.MAX_P, "a system's input stream carries T·P lanes, at most " + TopLimits.MAX_P + ", got " + lanes + ".");
        require(lanes * params.q() <= TopLimits.MAX_MACS, "a system's weight word holds every tile's P×Q tile, so T·P·Q must be at most "
                + TopLimits.MAX_MACS + ", got " + lanes * params.q() + ".");
        TopLimits.check(op, variant, tileParams(params, shape));
    }

    /**
     * Throws if a {@code bits}-bit statistic needs more flits on a {@code linkBits} link than the {@code beats}
     * cycles between a tile's tokens (then two tokens' messages would collide on a link).
     */
    public static void checkLink(int bits, int linkBits, int beats) {
        int flits = Link.flits(bits, linkBits);
        if (flits > beats) {
            int least = (bits + beats - 1) / beats;
            throw new IllegalArgumentException("the statistics link is too narrow: a " + bits + "-bit statistic takes " + flits + " flits of "
                    + linkBits + " bits, more than the " + beats + " cycles between a tile's tokens; use a link of at least " + least + " bits.");
        }
    }

    /** A tile's own shape: n/T elements, the same m, P, Q, and C = 0. */
    public static Params tileParams(Params params, SystemShape shape) {
        return new Params(params.n() / shape.tiles(), params.m(), params.p(), params.q(), 0);
    }

    /** The system's outside: the single top's ports at T·P lanes. */
    static Params outside(Params params, SystemShape shape) {
        return new Params(params.n(), params.m(), shape.tiles() * params.p(), params.q(), 0);
    }
}
