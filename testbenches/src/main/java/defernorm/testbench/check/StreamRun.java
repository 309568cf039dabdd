package defernorm.testbench.check;

import defernorm.cosim.Simulation;
import java.util.List;

/**
 * One deterministic pass over an open simulation: reset, configuration, the optional abandoned stream and
 * reset, then the checked stream ({@link PlannedStream} from the golden timeline while the sink is always
 * ready, else {@link ReactiveStream} under backpressure). Running it twice with the same plan drives the same inputs
 * on the same cycles, which is how the checker replays a failing run with waveforms on.
 */
final class StreamRun {
    /** Rising edges with {@code rst} high before configuration. */
    static final int RESET_CYCLES = 2;

    private final Simulation sim;
    private final TopUnderTest top;
    private final CheckPlan plan;
    private final List<OutputBeat> expected;
    private final TimedStream timed;
    private final WaveControl waves;

    /** {@code timed} is the golden timeline to drive and check every cycle against, or null under backpressure. */
    StreamRun(Simulation sim, TopUnderTest top, CheckPlan plan, List<OutputBeat> expected, TimedStream timed, WaveWindow window) {
        this.sim = sim;
        this.top = top;
        this.plan = plan;
        this.expected = expected;
        this.timed = timed;
        this.waves = new WaveControl(sim, window);
    }

    /** What the checked stream did. */
    record Outcome(Mismatch first, List<OutputBeat> received, long streamCycles, long streamStart,
                   long latency, double cyclesPerToken, List<TokenEdges> tokenEdges) {}

    Outcome run() {
        waves.at(sim.cycle());
        ReactiveStream reactive = new ReactiveStream(sim, top.shape(), plan.flow(), plan.seed(), waves);
        Mismatch early = restart(true);
        if (plan.reset() != null) {
            // configuration survives reset (docs/microarchitecture.md): reset again, but do not reload it
            reactive.abandon(plan.reset().abandoned(), plan.reset().cycles());
            Mismatch again = restart(false);
            if (early == null) early = again;
        }
        StreamShape shape = top.shape();
        List<StreamRule> rules = List.of(
                timed != null ? new ScheduleCheck(shape, expected, timed.outputs()) : new TransactionCheck(shape, expected),
                new AxiStreamRules(shape));
        StreamLog log = new StreamLog(shape, expected, plan.tokens().size(), rules);
        if (early != null) log.fail(early);
        return timed != null ? new PlannedStream(sim, shape, timed, waves).check(plan.tokens(), log) : reactive.check(plan.tokens(), log);
    }

    /**
     * Resets and, when {@code configure}, loads the configuration, with the sink not ready, so that anything a
     * reset failed to clear is still there when the stream starts. Returns a mismatch if the top offers a beat
     * meanwhile.
     */
    private Mismatch restart(boolean configure) {
        sim.poke(TopPorts.S_VALID, 0);
        sim.poke(TopPorts.M_READY, 0);
        sim.poke(TopPorts.CFG_WE, 0);
        sim.reset(RESET_CYCLES);
        List<ConfigWrite> words = configure ? top.config() : List.of();
        Mismatch[] early = new Mismatch[1];
        if (!words.isEmpty()) {
            long first = sim.cycle();
            sim.runBatch(TopPorts.CONFIG_INPUTS, List.of(TopPorts.M_VALID), words.size(), (c, row) -> {
                ConfigWrite w = words.get((int) c);
                row.set(0, 1);
                row.set(1, w.address());
                row.set(2, w.data());
                row.set(3, 0);
                row.set(4, 0);
            }, (c, row) -> {
                if (early[0] == null && row.get(0) != 0) {
                    early[0] = new Mismatch(first + c, -1, TopPorts.M_VALID, "0", "1", -1, -1,
                            "a beat offered after reset, while the configuration loads and before any token was sent", null);
                }
            });
        }
        sim.poke(TopPorts.CFG_WE, 0);
        return early[0];
    }
}
