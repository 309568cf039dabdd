package defernorm.testbench.check;

import java.math.BigInteger;

/** Compares an output beat on the bus with the golden model's beat and says precisely what differs. */
final class BeatCompare {
    private BeatCompare() {}

    /** Null when the observed beat equals {@code expected}; otherwise the mismatch on tdata or tlast. */
    static Mismatch compare(StreamShape shape, OutputBeat expected, CycleSample s) {
        long[] actual = shape.lanes(s.mData());
        long[] want = expected.lanes();
        for (int lane = 0; lane < want.length; lane++) {
            if (actual[lane] != want[lane]) {
                return new Mismatch(s.cycle(), s.streamCycle(), TopPorts.M_DATA, shape.hex(want), hex(shape, s.mData()),
                        expected.token(), expected.index(),
                        "lane " + lane + ": expected " + want[lane] + ", was " + actual[lane], null);
            }
        }
        if (s.mLast() != expected.last()) {
            return new Mismatch(s.cycle(), s.streamCycle(), TopPorts.M_LAST, bit(expected.last()), bit(s.mLast()),
                    expected.token(), expected.index(),
                    expected.last() ? "tlast belongs on this token's last output beat" : "tlast before the token's last output beat", null);
        }
        return null;
    }

    static String hex(StreamShape shape, BigInteger data) { return shape.hex(shape.lanes(data)); }

    static String bit(boolean b) { return b ? "1" : "0"; }
}
