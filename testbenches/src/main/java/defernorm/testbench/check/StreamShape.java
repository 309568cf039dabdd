package defernorm.testbench.check;

import defernorm.golden.stream.Packing;

/**
 * The beat geometry of a top's two streams.
 *
 * <pre>{@code new StreamShape(4, 16, 2, 32, true)  // P=4 int8 lanes in, n=16; Q=2 lanes of int32 out }</pre>
 *
 * @param inLanes     P: int8 lanes per input beat
 * @param tokenLength n: int8 values per token (a multiple of P)
 * @param outLanes    Q: lanes per output beat
 * @param outLaneBits bits of one output lane
 * @param outSigned   whether output lanes are two's complement
 */
public record StreamShape(int inLanes, int tokenLength, int outLanes, int outLaneBits, boolean outSigned) {
    public StreamShape {
        if (inLanes < 1 || outLanes < 1 || outLaneBits < 1) throw new IllegalArgumentException("lane counts and widths must be positive");
        if (tokenLength % inLanes != 0) throw new IllegalArgumentException("P = " + inLanes + " must divide n = " + tokenLength);
    }

    public int inputBeatsPerToken() { return tokenLength / inLanes; }

    public long[] lanes(java.math.BigInteger tdata) { return Packing.unpack(tdata, outLanes, outLaneBits, outSigned); }

    public String hex(long[] lanes) { return "0x" + Packing.pack(lanes, outLaneBits).toString(16); }
}
