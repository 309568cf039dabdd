package defernorm.testbench.check;

import java.math.BigInteger;

/**
 * What the checker saw on one cycle, before its rising edge: both streams' handshake signals, the output
 * beat on the bus, and the sink's ready it drove.
 *
 * @param cycle       simulation cycle
 * @param streamCycle cycle counted from the start of the stream phase
 */
public record CycleSample(long cycle, long streamCycle, boolean sValid, boolean sReady,
                          boolean mValid, BigInteger mData, boolean mLast, boolean mReady) {

    public boolean inputHandshake() { return sValid && sReady; }

    public boolean outputHandshake() { return mValid && mReady; }
}
