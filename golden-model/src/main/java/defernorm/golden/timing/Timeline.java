package defernorm.golden.timing;

/**
 * The exact cycle of every event of a run of tokens through one datapath, as {@link Schedule#run} derives
 * it (edges after reset release, docs/timing.md). Arrays are indexed [token] or [token][beat].
 *
 * <pre>{@code
 * Timeline tl = schedule.run(4, Arrivals.lineRate());
 * long lat = tl.latency(0);          // last output handshake - first input handshake of token 0
 * boolean r = tl.readyAt(17);        // s_axis_tready on edge 17
 * }</pre>
 *
 * @param accept     input handshake of beat k of token t
 * @param read       activation-buffer read of beat k of token t (the array, or the standard's normalize lane, takes it next)
 * @param factor     edge the token's factor register is loaded (-1 for matmul-only)
 * @param land       edge the token's last partial sum lands and its accumulators move to a drain bank
 * @param drainStart edge of the token's first drain read (its output beat g is read at drainStart + g)
 * @param output     output handshake of output beat g of token t
 * @param bankFree   first edge at which the token's activation-buffer bank may accept its first beat
 */
public record Timeline(long[][] accept, long[][] read, long[] factor, long[] land, long[] drainStart,
                       long[][] output, long[] bankFree) {

    /** Number of tokens in the run. */
    public int tokens() {
        return accept.length;
    }

    /** Cycles from token t's first input handshake to its last output handshake. */
    public long latency(int t) {
        return output[t][output[t].length - 1] - accept[t][0];
    }

    /** Cycles from token t's first input handshake to its first output handshake. */
    public long firstOutputLatency(int t) {
        return output[t][0] - accept[t][0];
    }

    /** Edge of the last output handshake of the run, plus one: the cycles the run takes. */
    public long totalCycles() {
        long[] last = output[tokens() - 1];
        return last[last.length - 1] + 1;
    }

    /**
     * Whether {@code s_axis_tready} is high in the cycle before edge {@code e}: the bank of the token being
     * received is free ({@code bankFree}) and that token has beats left; false after the run's last beat.
     */
    public boolean readyAt(long e) {
        // the token being received at e is the first whose last beat is at or after e (binary search: the
        // checker asks once per cycle, so a scan over the tokens would make a run quadratic)
        int lo = 0, hi = tokens();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long[] beats = accept[mid];
            if (beats[beats.length - 1] < e) lo = mid + 1; else hi = mid;
        }
        return lo < tokens() && e >= bankFree[lo];
    }

    /**
     * Average cycles between the first output beats of consecutive tokens over the second half of the run:
     * the steady-state cycles per token (some schedules alternate between two spacings).
     */
    public double cyclesPerToken() {
        int n = tokens();
        if (n < 2) {
            throw new IllegalStateException("cycles per token needs a run of at least 2 tokens.");
        }
        int from = n / 2;
        if (from == n - 1) from = n - 2;
        return (double) (output[n - 1][0] - output[from][0]) / (n - 1 - from);
    }
}
