package defernorm.golden.timing;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;

/**
 * The cycle model of one datapath (docs/microarchitecture.md, docs/timing.md): given when the source
 * offers each input beat and the depths the hardware reports, it derives the exact edge of every input
 * handshake, buffer read, factor, landing, drain and output handshake, with the output always ready.
 *
 * <p>Every variant has the same front: a token's beats are accepted at line rate into one bank of a
 * double-buffered activation buffer (token t uses bank t mod 2) while the reduction runs on the same
 * stream; a reader feeds the MAC array (the standard variants: the normalize lane, once the factor is
 * there) one beat per G cycles from the buffer; accumulators land in one of two drain banks (token t mod 2);
 * a drain sequencer reads G groups per token, in token order, into the output stage (matmul-only,
 * standard) or the final scale (deferred, once the factor is there).
 *
 * <p>Cycle convention: edge 0 is the first input handshake of a line-rate run; a path through r
 * registers from an edge e reaches edge e + r.
 *
 * <pre>{@code
 * Schedule s = new Schedule(Op.RMSNORM, Variant.DEFERRED, new Params(64, 32, 8, 4, 4), depths);
 * Timeline tl = s.run(8, Arrivals.lineRate());
 * long lat = s.tokenLatency();          // token 0, line rate
 * int h = s.hidingLimit();              // largest C with deferred latency = matmul-only + the fixed extra
 * }</pre>
 */
public record Schedule(Op op, Variant variant, Params params, PipelineDepths depths) {

    /** Tokens of the line-rate run behind {@link #cyclesPerToken()}: enough to reach the steady state. */
    private static final int STEADY_TOKENS = 24;

    public Schedule {
        if (variant == Variant.DEFERRED && depths.factorSlots() < 1) {
            throw new IllegalArgumentException("a deferred datapath needs at least one factor slot.");
        }
    }

    private int nb() {
        return params.beats();
    }

    private int g() {
        return params.groups();
    }

    private boolean hasFactor() {
        return variant != Variant.MATMUL;
    }

    /**
     * Runs {@code tokens} tokens through the datapath. Token by token, each event is the earliest edge its
     * inputs and its resource allow (the rules of docs/microarchitecture.md, mirrored from the RTL):
     * <ol>
     *   <li>bank: token t's first beat may be accepted once token t-2's last beat has been read from the buffer;</li>
     *   <li>accept: beats in order, one per edge at most, each at or after its offer;</li>
     *   <li>factor: {@code accept(last) + reduction + C + factor};</li>
     *   <li>read: one read per G edges, after the beat's word is written; the standard variants start a
     *       token after its factor register is loaded; a token's last beat waits until the drain of the token
     *       that used its drain bank before (token t-2) has started: from there on the bank is always read out
     *       before this token lands ({@code readToArray + G - 1 + mac} edges later);</li>
     *   <li>land: {@code read(last) + readToArray + G - 1 + mac};</li>
     *   <li>drain: G reads in token order, after the landing (deferred: and after the factor); output beat
     *       g at {@code drainStart + g + output}.</li>
     * </ol>
     *
     * @throws IllegalStateException if the run would need more factor slots than the hardware has
     *                               (a design error the RTL would show as a wrong factor)
     */
    public Timeline run(int tokens, Arrivals arrivals) {
        if (tokens < 1) {
            throw new IllegalArgumentException("a run needs at least one token, got " + tokens + ".");
        }
        int nb = nb(), g = g();
        PipelineDepths d = depths;
        long[][] accept = new long[tokens][nb];
        long[][] read = new long[tokens][nb];
        long[] factor = new long[tokens];
        long[] land = new long[tokens];
        long[] drain = new long[tokens];
        long[][] out = new long[tokens][g];
        long[] bankFree = new long[tokens];
        long prevAccept = -1;
        long prevRead = Long.MIN_VALUE / 2;
        for (int t = 0; t < tokens; t++) {
            bankFree[t] = t < 2 ? 0 : read[t - 2][nb - 1] + 1;
            for (int k = 0; k < nb; k++) {
                long offer = Math.max(arrivals.offer(t, k, prevAccept), prevAccept + 1);
                long a = k == 0 ? Math.max(offer, bankFree[t]) : offer;
                accept[t][k] = a;
                prevAccept = a;
            }
            factor[t] = hasFactor() ? accept[t][nb - 1] + d.reduction() + params.c() + d.factor() : -1;
            for (int k = 0; k < nb; k++) {
                long r = Math.max(accept[t][k] + d.write() + 1, prevRead + g);
                if (k == 0 && variant == Variant.STANDARD) r = Math.max(r, factor[t] + 1);
                if (k == nb - 1 && t >= 2) r = Math.max(r, drain[t - 2] + 1);
                read[t][k] = r;
                prevRead = r;
            }
            land[t] = read[t][nb - 1] + d.readToArray() + g - 1 + d.mac();
            long ds = land[t] + 1;
            if (t > 0) ds = Math.max(ds, drain[t - 1] + g);
            if (variant == Variant.DEFERRED) ds = Math.max(ds, factor[t] + 1);
            drain[t] = ds;
            for (int b = 0; b < g; b++) {
                out[t][b] = ds + b + d.output();
            }
            if (variant == Variant.DEFERRED) checkFactorSlots(factor, drain, t);
            if (variant == Variant.STANDARD && t >= 2 && factor[t] + 1 <= read[t - 2][nb - 1] + d.readToArray()) {
                throw new IllegalStateException("token " + t + "'s factor would overwrite token " + (t - 2)
                        + "'s while its normalize lane still uses it: the standard top needs a deeper factor store.");
            }
        }
        return new Timeline(accept, read, factor, land, drain, out, bankFree);
    }

    /** Deferred: factors written (factor + 1) and not yet taken by their drain must fit the factor slots. */
    private void checkFactorSlots(long[] factor, long[] drain, int t) {
        long written = factor[t] + 1;
        int held = 0;
        for (int u = t; u >= 0 && u > t - 64; u--) {
            if (factor[u] + 1 <= written && drain[u] > written) held++;
        }
        if (held > depths.factorSlots()) {
            throw new IllegalStateException("token " + t + "'s factor arrives while " + (held - 1)
                    + " earlier factors still wait for their drain: more than the " + depths.factorSlots() + " factor slots the top has.");
        }
    }

    /** A line-rate run long enough to reach token {@code t}. */
    private Timeline lineRate(long t) {
        return run((int) Math.max(2, t + 1), Arrivals.lineRate());
    }

    /** Line rate: edge of the input handshake of beat k of token t. */
    public long inputCycle(long t, int k) {
        checkIndex(t, k, nb(), "input");
        return lineRate(t).accept()[(int) t][k];
    }

    /** Line rate: edge of the output handshake of output beat g of token t. */
    public long outputCycle(long t, int beat) {
        checkIndex(t, beat, g(), "output");
        return lineRate(t).output()[(int) t][beat];
    }

    /** Line rate: edge at which token t's factor register is loaded (STANDARD and DEFERRED). */
    public long factorCycle(long t) {
        if (!hasFactor()) {
            throw new IllegalStateException("the matmul-only variant has no factor.");
        }
        return lineRate(t).factor()[(int) t];
    }

    /** Line rate: edge at which token t's last partial sum lands. */
    public long landCycle(long t) {
        return lineRate(t).land()[(int) t];
    }

    /** Line rate: output handshake edges of all G beats of the first {@code tokens} tokens: [token][beat]. */
    public long[][] outputCycles(int tokens) {
        return run(tokens, Arrivals.lineRate()).output();
    }

    /** Line rate: input handshake edges of all NB beats of the first {@code tokens} tokens: [token][beat]. */
    public long[][] inputCycles(int tokens) {
        return run(tokens, Arrivals.lineRate()).accept();
    }

    /** Line rate: cycles from token 0's first input handshake to its last output handshake. */
    public long tokenLatency() {
        return lineRate(0).latency(0);
    }

    /** Line rate: cycles from token 0's first input handshake to its first output handshake. */
    public long firstOutputLatency() {
        return lineRate(0).firstOutputLatency(0);
    }

    /** Line rate: the cycles {@code tokens} tokens take (last output handshake + 1). */
    public long totalCycles(long tokens) {
        return run((int) tokens, Arrivals.lineRate()).totalCycles();
    }

    /** Line rate: steady-state cycles per token ({@link Timeline#cyclesPerToken()} over a long run). */
    public double cyclesPerToken() {
        return run(STEADY_TOKENS, Arrivals.lineRate()).cyclesPerToken();
    }

    /**
     * DEFERRED: the hiding limit H, the largest collective latency C at which a token's factor is still
     * ready when its accumulators land, so the deferred latency is the matmul-only latency plus the fixed
     * extra (final scale over output stage, and the exp front for softmax). At line rate, token 0:
     * {@code land = write + NB·G + readToArray + mac} and {@code factor = NB − 1 + reduction + C + factor},
     * so {@code H = write + NB·G + readToArray + mac − (NB − 1) − reduction − factor}; negative when even
     * C = 0 is not hidden.
     */
    public long hidingLimit() {
        if (variant != Variant.DEFERRED) {
            throw new IllegalStateException("only the deferred variant hides the collective; this is " + variant + ".");
        }
        PipelineDepths d = depths;
        return d.write() + (long) nb() * g() + d.readToArray() + d.mac() - (nb() - 1) - d.reduction() - d.factor();
    }

    private static void checkIndex(long t, int k, int count, String what) {
        if (t < 0 || t > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("token index must be between 0 and 2^31-2, got " + t + ".");
        }
        if (k < 0 || k >= count) {
            throw new IllegalArgumentException(what + " beat " + k + " is outside 0.." + (count - 1) + ".");
        }
    }
}
