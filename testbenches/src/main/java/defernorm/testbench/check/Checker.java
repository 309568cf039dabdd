package defernorm.testbench.check;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.golden.timing.Arrivals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The co-simulation checker: drives a top and its golden model with the same configuration and tokens and
 * compares them. While the sink is always ready it plans the source's offers (line rate, or seeded random
 * gaps), lets the golden timeline say on which cycle each beat is accepted and each output beat leaves, and
 * compares every cycle: {@code s_axis_tready}, {@code m_axis_tvalid}, {@code tdata} and {@code tlast}. Under
 * backpressure it compares the transaction stream and checks the AXI4-Stream rules. On the first mismatch it
 * replays the same run with waveforms on and writes a VCD window around the failing cycle: from
 * {@link CheckPlan#waveWindow} cycles before it (but not before the checked stream starts) to as many after.
 *
 * <pre>{@code
 * CheckResult r = Checker.check(top, CheckPlan.free(tokens, 1L).withWaves(Path.of("rtl-out/waves")),
 *                               SimOptions.verilator());
 * CheckResult gaps = Checker.check(top, CheckPlan.free(tokens, 1L).withFlow(Flow.random(0.6, 1.0)), SimOptions.builtin());
 * System.out.println(r.summary());
 * }</pre>
 */
public final class Checker {
    private Checker() {}

    /** Runs {@code plan} through {@code top} and its golden model on the engine {@code options} name. */
    public static CheckResult check(TopUnderTest top, CheckPlan plan, SimOptions options) {
        List<OutputBeat> expected = top.golden().outputs(plan.tokens());
        TimedStream timed = null;
        if (plan.flow().sinkAlwaysReady()) {
            Arrivals arrivals = plan.flow().arrivals(plan.seed());
            timed = TimedStream.of(top.golden().timeline(plan.tokens().size(), arrivals), arrivals);
        }
        StreamRun.Outcome outcome;
        WaveWindow whole = plan.fullWave() == null ? null : new WaveWindow(0, Long.MAX_VALUE, plan.fullWave());
        try (Simulation sim = top.opener().open(options.withWaves(whole != null))) {
            outcome = new StreamRun(sim, top, plan, expected, timed, whole).run();
        }
        Mismatch first = outcome.first();
        if (first != null && whole != null) {
            first = first.withWave(plan.fullWave());
        } else if (first != null && plan.waveDir() != null) {
            first = withWaveform(top, plan, expected, timed, options, first, outcome.streamStart());
        }
        return new CheckResult(top.name(), options.engine(), timed != null, plan.tokens().size(), outcome.streamCycles(),
                expected, outcome.received(), countMismatches(expected, outcome.received()), first,
                outcome.latency(), outcome.cyclesPerToken(), outcome.tokenEdges());
    }

    /** Beats that differ at the same position, plus beats missing or extra at the end. */
    static int countMismatches(List<OutputBeat> expected, List<OutputBeat> received) {
        int common = Math.min(expected.size(), received.size());
        int bad = Math.abs(expected.size() - received.size());
        for (int i = 0; i < common; i++) if (!expected.get(i).equals(received.get(i))) bad++;
        return bad;
    }

    /**
     * First cycle of the waveform window around a mismatch at {@code cycle}: {@code window} cycles before it,
     * but never before the checked stream's first cycle, since the reset and configuration load ahead of it are
     * of no interest and at a large shape would fill hundreds of megabytes (16,513 configuration words at
     * n = m = 4096 on 32×32). A mismatch before the stream (a beat offered while the configuration loads) is
     * dumped from cycle 0, where the replay starts dumping.
     */
    static long windowStart(long cycle, long streamStart, int window) {
        return cycle < streamStart ? 0 : Math.max(streamStart, cycle - window);
    }

    private static Mismatch withWaveform(TopUnderTest top, CheckPlan plan, List<OutputBeat> expected, TimedStream timed,
                                         SimOptions options, Mismatch first, long streamStart) {
        Path file = plan.waveDir().resolve(top.name() + "-cycle" + first.cycle() + ".vcd");
        WaveWindow window = new WaveWindow(windowStart(first.cycle(), streamStart, plan.waveWindow()),
                first.cycle() + plan.waveWindow(), file);
        try {
            Files.createDirectories(plan.waveDir());
            try (Simulation sim = top.opener().open(options.withWaves(true))) {
                new StreamRun(sim, top, plan, expected, timed, window).run();
            }
            return first.withWave(file);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Mismatch(first.cycle(), first.streamCycle(), first.signal(), first.expected(), first.actual(),
                    first.token(), first.outputIndex(),
                    (first.detail().isEmpty() ? "" : first.detail() + "; ") + "no waveform: " + why, null);
        }
    }
}
