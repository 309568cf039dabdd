package defernorm.golden.timing;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;

/**
 * Closed-form cycle model of one datapath with no backpressure and the input always valid.
 *
 * <p>Cycle convention: cycle 0 is the first clock edge at which {@code s_axis_tvalid && s_axis_tready}
 * (the first beat of token 0 is accepted). Every cycle number here is an edge index: an input beat's
 * cycle is its handshake edge, an output beat's cycle is the edge at which
 * {@code m_axis_tvalid && m_axis_tready} (its handshake, so the m_axis register was loaded one edge
 * earlier). A path through r registers (counting the register loaded at the input handshake and the
 * m_axis register) from an input handshake at edge a reaches its output handshake at edge a + r.
 *
 * <pre>{@code
 * Schedule s = new Schedule(Op.RMSNORM, Variant.DEFERRED, new Params(512, 512, 128, 128, 0));
 * long first = s.outputCycle(0, 0);     // output beat 0 of token 0
 * long lat = s.tokenLatency();          // last output handshake - first input handshake
 * long cpt = s.cyclesPerToken();        // steady state
 * }</pre>
 */
public record Schedule(Op op, Variant variant, Params params) {

    /** Input beats per token NB. */
    private int nb() {
        return params.beats();
    }

    /** Output beats per token G. */
    private int g() {
        return params.groups();
    }

    private int tree() {
        return Latencies.treeLevels(params.p());
    }

    /**
     * Registers from the input register (excluded) to the register that feeds the MAC array
     * (included) in MATMUL and DEFERRED: 0 except for softmax deferred, whose exp unit sits in front.
     */
    public int arrayFront() {
        return op == Op.SOFTMAX && variant == Variant.DEFERRED ? Latencies.softmaxExpFront(params.p()) : 0;
    }

    /**
     * Edge at which the factor register of the token whose last input beat is at edge {@code aLast}
     * is loaded: reduction, collective (C registers), nonlinear chain.
     */
    private long factorEdge(long aLast) {
        int red = op == Op.SOFTMAX
                ? Latencies.softmaxExpFront(params.p()) + Latencies.softmaxDenominator(params.p())
                : Latencies.normReduction(params.p());
        int nl = op == Op.SOFTMAX ? Latencies.softmaxFactor() : Latencies.normFactor();
        return aLast + Latencies.INPUT - 1 + red + params.c() + nl;
    }

    /**
     * Edge at which the last partial sum of a token lands in the accumulators (and moves to the drain
     * bank), given the edge at which its last beat was loaded into the array's input register.
     */
    private long landEdge(long arrayInLast) {
        return arrayInLast + (g() - 1) + Latencies.mac(params.p());
    }

    /** DEFERRED: cycles the landed accumulators wait for the factor. */
    private long deferredWait() {
        long aLast = (long) (nb() - 1) * g();
        long land = landEdge(aLast + Latencies.INPUT - 1 + arrayFront());
        return Math.max(0, factorEdge(aLast) - land);
    }

    /**
     * Steady-state cycles between the first beats of consecutive tokens.
     * MATMUL: NB*G. DEFERRED: max(NB*G, wait + G) (one drain bank: a token's accumulators may land
     * only once the previous token's drain has been read). STANDARD: max(NB*G, edge after the previous
     * token's last buffer read): the buffer must have been read back and the array must be free again
     * when this token's read-back starts.
     */
    public long cyclesPerToken() {
        long mm = (long) nb() * g();
        return switch (variant) {
            case MATMUL -> mm;
            case DEFERRED -> Math.max(mm, deferredWait() + g());
            case STANDARD -> Math.max(mm, factorEdge(nb() - 1) + 1 + (long) (nb() - 1) * g() + 1);
        };
    }

    /** Edge of the input handshake of beat k of token t. */
    public long inputCycle(long t, int k) {
        checkToken(t);
        checkBeat(k, nb(), "input");
        long start = t == 0 ? 0 : t * cyclesPerToken();
        return variant == Variant.STANDARD ? start + k : start + (long) k * g();
    }

    /** Edge at which token t's factor register is loaded (STANDARD and DEFERRED). */
    public long factorCycle(long t) {
        if (variant == Variant.MATMUL) {
            throw new IllegalStateException("the matmul-only variant has no factor");
        }
        return factorEdge(inputCycle(t, nb() - 1));
    }

    /** Edge at which token t's last partial sum lands in the accumulators. */
    public long landCycle(long t) {
        long arrayInLast = switch (variant) {
            case MATMUL, DEFERRED -> inputCycle(t, nb() - 1) + Latencies.INPUT - 1 + arrayFront();
            case STANDARD -> factorCycle(t) + (long) (nb() - 1) * g() + Latencies.BUFFER_READ
                    + (op == Op.SOFTMAX ? Latencies.NORMALIZE_SOFTMAX_LANE : Latencies.NORMALIZE_LANE);
        };
        return landEdge(arrayInLast);
    }

    /** Edge of the output handshake of output beat g (0 <= g < G) of token t. */
    public long outputCycle(long t, int beat) {
        checkToken(t);
        checkBeat(beat, g(), "output");
        return switch (variant) {
            case MATMUL, STANDARD -> landCycle(t) + beat + Latencies.OUTPUT + 1;
            case DEFERRED -> Math.max(landCycle(t), factorCycle(t)) + beat + Latencies.FINAL_SCALE + 1;
        };
    }

    /** Output handshake edges of all G beats of the first {@code tokens} tokens: [token][beat]. */
    public long[][] outputCycles(int tokens) {
        long[][] out = new long[tokens][g()];
        for (int t = 0; t < tokens; t++) {
            for (int b = 0; b < g(); b++) {
                out[t][b] = outputCycle(t, b);
            }
        }
        return out;
    }

    /** Input handshake edges of all NB beats of the first {@code tokens} tokens: [token][beat]. */
    public long[][] inputCycles(int tokens) {
        long[][] in = new long[tokens][nb()];
        for (int t = 0; t < tokens; t++) {
            for (int k = 0; k < nb(); k++) {
                in[t][k] = inputCycle(t, k);
            }
        }
        return in;
    }

    /** Cycles from a token's first input handshake to its last output handshake. */
    public long tokenLatency() {
        return outputCycle(0, g() - 1) - inputCycle(0, 0);
    }

    /** Cycles from a token's first input handshake to its first output handshake. */
    public long firstOutputLatency() {
        return outputCycle(0, 0) - inputCycle(0, 0);
    }

    /** Total cycles to stream {@code tokens} tokens: the last output handshake of the last token, plus one. */
    public long totalCycles(long tokens) {
        return outputCycle(tokens - 1, g() - 1) + 1;
    }

    private static void checkToken(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("token index must be >= 0, got " + t + ".");
        }
    }

    private static void checkBeat(int k, int count, String what) {
        if (k < 0 || k >= count) {
            throw new IllegalArgumentException(what + " beat " + k + " is outside 0.." + (count - 1) + ".");
        }
    }
}
