package defernorm.testbench.stimulus;

import defernorm.cosim.testbench.SourceHandshake;
import java.util.List;

/**
 * An AXI4-Stream source of int8 tokens: presents beat after beat of {@code P} lanes, with random bubbles
 * as the {@link Flow} asks, and holds a presented beat until it is accepted (the AXI rule: a source may not
 * withdraw or change a beat while valid and not ready; the rule and the seeded bubbles are
 * {@link SourceHandshake}, the one {@code defernorm.cosim.testbench.StreamSource} uses). It is reactive: {@link #accepted} must be told
 * whether the sink was ready on each cycle the source was valid.
 *
 * <pre>{@code
 * TokenSource src = new TokenSource(tokens, 4, Flow.FREE, 1L);
 * boolean valid = src.valid(); BigInteger data = src.data(); boolean last = src.last();
 * src.advance(ready);   // once per cycle, after observing s_axis_tready
 * }</pre>
 */
public final class TokenSource {
    private final List<byte[]> tokens;
    private final int lanes;
    private final SourceHandshake handshake;
    private int token;
    private int beat;

    public TokenSource(List<byte[]> tokens, int lanes, Flow flow, long seed) {
        this.tokens = List.copyOf(tokens);
        this.lanes = lanes;
        this.handshake = new SourceHandshake(flow.inputValid(), seed);
        for (byte[] t : this.tokens) {
            if (t.length % lanes != 0) throw new IllegalArgumentException("a token of " + t.length + " values does not split into beats of " + lanes + " lanes");
        }
        handshake.offer(!done());
    }

    public boolean done() { return token >= tokens.size(); }

    public boolean valid() { return handshake.offering(); }

    /** The lanes of the current beat (whatever the source holds, even while not valid). */
    public long[] lanesOfBeat() {
        long[] v = new long[lanes];
        if (done()) return v;
        byte[] t = tokens.get(token);
        for (int i = 0; i < lanes; i++) v[i] = t[beat * lanes + i];
        return v;
    }

    public boolean last() { return !done() && beat == tokens.get(token).length / lanes - 1; }

    /** Index of the token the current beat belongs to. */
    public int token() { return token; }

    public int beat() { return beat; }

    /**
     * Ends the cycle: if the source was valid and the sink ready, the beat was accepted (returns true) and
     * the next one is chosen; a beat not accepted is held; otherwise a new bubble decision is made.
     */
    public boolean advance(boolean ready) {
        boolean taken = handshake.taken(ready);
        if (taken) {
            beat++;
            if (beat == tokens.get(token).length / lanes) { beat = 0; token++; }
        }
        handshake.offer(!done());
        return taken;
    }
}
