package defernorm.golden.stream;

import defernorm.golden.model.Datapath;
import defernorm.golden.model.Datapaths;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Params;
import defernorm.golden.timing.Arrivals;
import defernorm.golden.timing.Schedule;
import defernorm.golden.timing.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The golden model of a whole stream: for tokens offered as the source's arrivals say (output always
 * ready), the input beats with the cycles they are accepted and the output beats with the cycles they
 * appear, lanes and tlast. A cycle-accurate testbench checks the RTL against exactly this list.
 *
 * <pre>{@code
 * ExpectedStream es = ExpectedStream.of(cfg, TopGenerator.schedule(op, Variant.DEFERRED, prm), tokens, Arrivals.lineRate());
 * for (Beat b : es.outputs()) { ... b.cycle(), b.lanes(), b.last() ... }
 * }</pre>
 *
 * @param inputs  every input beat (P int8 lanes) with its handshake cycle
 * @param outputs every output beat (Q int32 lanes) with its handshake cycle
 */
public record ExpectedStream(List<Beat> inputs, List<Beat> outputs) {

    /**
     * The expected stream of {@code tokens} through the datapath {@code schedule} describes, with the source
     * offering beats as {@code arrivals} says and the sink always ready.
     */
    public static ExpectedStream of(LayerConfig cfg, Schedule schedule, List<byte[]> tokens, Arrivals arrivals) {
        Params prm = cfg.params();
        Datapath dp = Datapaths.of(cfg, schedule.variant());
        Timeline tl = schedule.run(tokens.size(), arrivals);
        List<Beat> in = new ArrayList<>();
        List<Beat> out = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            byte[] x = tokens.get(t);
            long[] lanes = dp.process(x).lanes();
            for (int k = 0; k < prm.beats(); k++) {
                long[] beat = new long[prm.p()];
                for (int i = 0; i < prm.p(); i++) {
                    beat[i] = x[k * prm.p() + i];
                }
                in.add(new Beat(tl.accept()[t][k], t, k, beat, k == prm.beats() - 1));
            }
            for (int g = 0; g < prm.groups(); g++) {
                out.add(new Beat(tl.output()[t][g], t, g,
                        Arrays.copyOfRange(lanes, g * prm.q(), (g + 1) * prm.q()), g == prm.groups() - 1));
            }
        }
        return new ExpectedStream(List.copyOf(in), List.copyOf(out));
    }
}
