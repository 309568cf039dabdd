package defernorm.testbench.check;

import java.util.List;

/**
 * The every-cycle output check while the sink is always ready: {@code m_axis_tvalid} must be high exactly
 * on the cycles the golden timeline gives, and then {@code m_axis_tdata}/{@code m_axis_tlast} must be the
 * golden beat. Cycles are stream cycles (0 = the first cycle of the stream, as in the timeline).
 *
 * <pre>{@code new ScheduleCheck(shape, expectedBeats, timed.outputs())}</pre>
 */
public final class ScheduleCheck implements StreamRule {
    private final StreamShape shape;
    private final List<OutputBeat> beats;
    private final long[] cycles;
    private int next;

    public ScheduleCheck(StreamShape shape, List<OutputBeat> beats, long[] cycles) {
        if (beats.size() != cycles.length) throw new IllegalArgumentException("the timeline has " + cycles.length + " cycles for " + beats.size() + " beats.");
        this.shape = shape;
        this.beats = List.copyOf(beats);
        this.cycles = cycles.clone();
    }

    @Override public Mismatch observe(CycleSample s) {
        boolean pending = next < beats.size();
        boolean expectValid = pending && s.streamCycle() == cycles[next];
        if (s.mValid() != expectValid) {
            OutputBeat about = pending ? beats.get(next) : null;
            String detail = pending ? "the golden timeline puts this beat at stream cycle " + cycles[next]
                    : "all " + beats.size() + " beats were already delivered";
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
        return new Mismatch(cycle, streamCycle, TopPorts.M_VALID, "a beat at stream cycle " + cycles[next], "none by the end of the run",
                missing.token(), missing.index(), "", null);
    }
}
