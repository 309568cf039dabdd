package defernorm.testbench.dut;

import defernorm.golden.model.Datapath;
import defernorm.golden.model.Datapaths;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Params;
import defernorm.golden.model.TokenResult;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.Arrivals;
import defernorm.golden.timing.Schedule;
import defernorm.golden.timing.Timeline;
import defernorm.testbench.check.GoldenStream;
import defernorm.testbench.check.OutputBeat;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden model in the checker's terms: the bit-accurate datapath of {@code cfg.op()} in one variant cut
 * into output beats, and the top's {@link Schedule} for the cycle of every handshake.
 *
 * <pre>{@code
 * GoldenStream golden = new GoldenBeats(cfg, Variant.DEFERRED, TopGenerator.schedule(cfg.op(), Variant.DEFERRED, cfg.params()));
 * }</pre>
 */
public final class GoldenBeats implements GoldenStream {
    private final Datapath datapath;
    private final Schedule schedule;
    private final Params params;

    /** The datapath of {@code cfg.op()} in {@code variant}, timed by {@code schedule} (the top's, from its depths). */
    public GoldenBeats(LayerConfig cfg, Variant variant, Schedule schedule) {
        this(Datapaths.of(cfg, variant), schedule);
    }

    /** Any datapath model (e.g. a system's, {@code SystemDatapaths}), its beats cut at its config's Q, timed by {@code schedule}. */
    public GoldenBeats(Datapath datapath, Schedule schedule) {
        this.datapath = datapath;
        this.params = datapath.config().params();
        this.schedule = schedule;
    }

    public Schedule schedule() { return schedule; }

    /** The golden model's full result for one token (lanes plus intermediates). */
    public TokenResult process(byte[] token) { return datapath.process(token); }

    @Override public List<OutputBeat> outputs(List<byte[]> tokens) {
        int g = params.groups();
        int q = params.q();
        List<OutputBeat> beats = new ArrayList<>(tokens.size() * g);
        for (int t = 0; t < tokens.size(); t++) {
            TokenResult r = datapath.process(tokens.get(t));
            for (int b = 0; b < g; b++) beats.add(new OutputBeat(t, b, r.beat(b, q), b == g - 1));
        }
        return beats;
    }

    @Override public Timeline timeline(int tokens, Arrivals arrivals) {
        return schedule.run(tokens, arrivals);
    }
}
