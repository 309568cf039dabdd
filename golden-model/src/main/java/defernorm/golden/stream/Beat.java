package defernorm.golden.stream;

import java.math.BigInteger;

/**
 * One AXI4-Stream beat at a given handshake cycle.
 *
 * <pre>{@code
 * BigInteger tdata = beat.tdata(32);   // lane 0 in the low 32 bits
 * }</pre>
 *
 * @param cycle handshake edge (see docs/timing.md for cycle 0)
 * @param token token index
 * @param index beat index within the token
 * @param lanes lane values (signed)
 * @param last  tlast
 */
public record Beat(long cycle, int token, int index, long[] lanes, boolean last) {
    /** The lanes packed as tdata, {@code laneBits} per lane, lane 0 in the low bits (two's complement per lane). */
    public BigInteger tdata(int laneBits) {
        return Packing.pack(lanes, laneBits);
    }
}
