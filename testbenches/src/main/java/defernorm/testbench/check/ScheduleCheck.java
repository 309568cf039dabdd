package defernorm.testbench.check;

import java.util.List;

/**
 * The no-backpressure check: on EVERY cycle, {@code m_axis_tvalid} must be high exactly on the cycles the
 * golden schedule gives, and then {@code m_axis_tdata}/{@code m_axis_tlast} must be the golden beat.
 * Schedule cycles count from the first input handshake (stream cycle 0 of the golden timing model).
 *
 * <pre>{@code new ScheduleCheck(shape, expectedBeats, golden.beatCycles(tokens))}</pre>
 */
public final class ScheduleCheck implements StreamRule {
    private final StreamShape shape;
    private final List<OutputBeat> beats;
    private final long[] cycles;
    private long origin = -1;
    private int next;

    public ScheduleCheck(StreamShape shape, List<OutputBeat> beats, long[] cycles) {
        if (beats.size() != cycles.length) throw new IllegalArgumentException("the schedule has " + cycles.length + " cycles for " + beats.size() + " beats");
        this.shape = shape;
        this.beats = List.copyOf(beats);
        this.cycles = cycles.clone();
    }

    @Override public Mismatch observe(CycleSample s) {
        if (origin < 0 && s.inputHandshake()) origin = s.streamCycle();
        long rel = origin < 0 ? -1 : s.streamCycle() - origin;
        boolean pending = next < beats.size();
        boolean expectValid = pending && origin >= 0 && rel == cycles[next];
        if (s.mValid() != expectValid) {
            OutputBeat about = pending ? beats.get(next) : null;
            String detail = !pending ? "all " + beats.size() + " beats were already delivered"
                    : origin < 0 ? "no input beat has been accepted yet"
                    : "the golden schedule puts this beat at schedule cycle " + cycles[next] + ", this is schedule cycle " + rel;
            return new Mismatch(s.cycle(), s.streamCycle(), TopPorts.M_VALID, BeatCompare.bit(expectValid), BeatCompare.bit(s.mValid()),
                    about == null ? -1 : about.token(), about == null ? -1 : about.index(), detail, null);
        }
        if (!expectValid) return null;
        OutputBeat want = beats.get(next++);
        if (!s.mReady()) {
            return new Mismatch(s.cycle(), s.streamCycle(), TopPorts.M_READY, "1", "0", want.token(), want.index(),
                    "the every-cycle check needs a sink that is always ready", null);
        }
        return BeatCompare.compare(shape, want, s);
    }

    @Override public Mismatch finish(long cycle, long streamCycle) {
        if (next >= beats.size()) return null;
        OutputBeat missing = beats.get(next);
        return new Mismatch(cycle, streamCycle, TopPorts.M_VALID, "a beat at schedule cycle " + cycles[next], "none by the end of the run",
                missing.token(), missing.index(), "", null);
    }
}
