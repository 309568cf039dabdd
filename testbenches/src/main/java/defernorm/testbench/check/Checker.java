package defernorm.testbench.check;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The co-simulation checker: drives a top and its golden model with the same configuration and tokens and
 * compares them. With {@link defernorm.testbench.stimulus.Flow#FREE} it compares every cycle against the
 * golden schedule; otherwise the transaction stream and the AXI4-Stream rules. On the first mismatch it
 * replays the same run with waveforms on and writes a VCD window around the failing cycle.
 *
 * <pre>{@code
 * CheckResult r = Checker.check(top, CheckPlan.free(tokens, 1L).withWaves(Path.of("rtl-out/waves")),
 *                               SimOptions.verilator());
 * System.out.println(r.summary());
 * }</pre>
 */
public final class Checker {
    private Checker() {}

    public static CheckResult check(TopUnderTest top, CheckPlan plan, SimOptions options) {
        List<OutputBeat> expected = top.golden().outputs(plan.tokens());
        long[] schedule = plan.flow().isFree() ? top.golden().beatCycles(plan.tokens().size()) : null;
        long[] inputPlan = schedule == null ? null : top.golden().inputCycles(plan.tokens().size());
        StreamRun.Outcome outcome;
        WaveWindow whole = plan.fullWave() == null ? null : new WaveWindow(0, Long.MAX_VALUE, plan.fullWave());
        try (Simulation sim = top.opener().open(options.withWaves(whole != null))) {
            outcome = new StreamRun(sim, top, plan, expected, schedule, inputPlan, whole).run();
        }
        Mismatch first = outcome.first();
        if (first != null && whole != null) {
            first = first.withWave(plan.fullWave());
        } else if (first != null && plan.waveDir() != null) {
            first = withWaveform(top, plan, expected, schedule, inputPlan, options, first, outcome.streamStart());
        }
        return new CheckResult(top.name(), options.engine(), schedule != null, plan.tokens().size(), outcome.streamCycles(),
                expected, outcome.received(), countMismatches(expected, outcome.received()), first,
                outcome.latency(), outcome.cyclesPerToken());
    }

    /** Beats that differ at the same position, plus beats missing or extra at the end. */
    static int countMismatches(List<OutputBeat> expected, List<OutputBeat> received) {
        int common = Math.min(expected.size(), received.size());
        int bad = Math.abs(expected.size() - received.size());
        for (int i = 0; i < common; i++) if (!expected.get(i).equals(received.get(i))) bad++;
        return bad;
    }

    private static Mismatch withWaveform(TopUnderTest top, CheckPlan plan, List<OutputBeat> expected, long[] schedule,
                                         long[] inputPlan, SimOptions options, Mismatch first, long streamStart) {
        Path file = plan.waveDir().resolve(top.name() + "-cycle" + first.cycle() + ".vcd");
        long from = Math.max(0, first.cycle() - plan.waveWindow());
        if (from < streamStart) from = 0;
        WaveWindow window = new WaveWindow(from, first.cycle() + plan.waveWindow(), file);
        try {
            Files.createDirectories(plan.waveDir());
            try (Simulation sim = top.opener().open(options.withWaves(true))) {
                new StreamRun(sim, top, plan, expected, schedule, inputPlan, window).run();
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
