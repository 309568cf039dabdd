package defernorm.testbench.check;

/**
 * What an AXI4-Stream master may not do: once {@code m_axis_tvalid} is high and the sink not ready, the
 * master must keep {@code tvalid} high and {@code tdata}/{@code tlast} unchanged until the handshake.
 *
 * <pre>{@code new AxiStreamRules(shape)}</pre>
 */
public final class AxiStreamRules implements StreamRule {
    private final StreamShape shape;
    private CycleSample held;

    public AxiStreamRules(StreamShape shape) { this.shape = shape; }

    @Override public Mismatch observe(CycleSample s) {
        CycleSample before = held;
        held = s.mValid() && !s.mReady() ? s : null;
        if (before == null) return null;
        String rule = "a beat offered while the sink was not ready (cycle " + before.cycle() + ") must be held until accepted";
        if (!s.mValid()) {
            return new Mismatch(s.cycle(), s.streamCycle(), TopPorts.M_VALID, "1", "0", -1, -1, rule, null);
        }
        if (!s.mData().equals(before.mData())) {
            return new Mismatch(s.cycle(), s.streamCycle(), TopPorts.M_DATA, BeatCompare.hex(shape, before.mData()),
                    BeatCompare.hex(shape, s.mData()), -1, -1, rule, null);
        }
        if (s.mLast() != before.mLast()) {
            return new Mismatch(s.cycle(), s.streamCycle(), TopPorts.M_LAST, BeatCompare.bit(before.mLast()),
                    BeatCompare.bit(s.mLast()), -1, -1, rule, null);
        }
        return null;
    }
}
