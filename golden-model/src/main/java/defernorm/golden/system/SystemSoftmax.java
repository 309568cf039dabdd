package defernorm.golden.system;

import defernorm.golden.fixed.Rounding;
import defernorm.golden.model.Datapath;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.OnlineSoftmax;
import defernorm.golden.model.SplitSoftmax;
import defernorm.golden.model.TokenResult;
import defernorm.golden.model.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * Softmax split along the key dimension over T tiles (docs/system.md): tile t runs the online reduction on
 * its own scores (lanes {@code t·P ..} of every beat), the statistics merge with ⊕ in the topology's order
 * into the global {@code [M, D]}; standard then normalizes every score with (M, D) before the matmul;
 * deferred accumulates each tile's own rows relative to its local max, rescales them by
 * {@code roundShift(acc, M − m_t)}, sums the tiles and applies 1/D at the root. Bit-exact with the RTL.
 */
final class SystemSoftmax implements Datapath {
    private final LayerConfig cfg;
    private final Variant variant;
    private final SystemShape shape;

    /** @param cfg the system's layer, its params at T·P lanes (the system's input stream) */
    SystemSoftmax(LayerConfig cfg, Variant variant, SystemShape shape) {
        this.cfg = cfg;
        this.variant = variant;
        this.shape = shape;
    }

    @Override public LayerConfig config() { return cfg; }

    @Override public String name() { return "softmax/" + variant.name().toLowerCase() + "/T" + shape.tiles(); }

    @Override public TokenResult process(byte[] s) {
        checkToken(s);
        int tiles = shape.tiles();
        int p = cfg.params().p() / tiles;
        long l = cfg.scoreMul();
        List<SoftmaxStats> own = new ArrayList<>();
        List<OnlineSoftmax> reductions = new ArrayList<>();
        List<byte[]> scores = new ArrayList<>();
        List<byte[][]> rows = new ArrayList<>();
        for (int t = 0; t < tiles; t++) {
            byte[] mine = tileScores(s, t, tiles, p);
            OnlineSoftmax red = OnlineSoftmax.run(mine, l, p);
            scores.add(mine);
            rows.add(tileRows(t, tiles, p));
            reductions.add(red);
            own.add(new SoftmaxStats(red.max(), red.den()));
        }
        SoftmaxStats global = TopologyOrder.reduce(shape.topology(), own, SoftmaxStats::merge);
        if (variant != Variant.DEFERRED) return SplitSoftmax.standard(s, global.max(), global.den(), cfg);
        long[] sum = new long[cfg.params().m()];
        for (int t = 0; t < tiles; t++) {
            long[] acc = SplitSoftmax.accumulate(scores.get(t), l, p, rows.get(t), reductions.get(t));
            int shift = OnlineSoftmax.clampShift(global.max() - reductions.get(t).max());
            for (int j = 0; j < sum.length; j++) sum[j] += Rounding.roundShift(acc[j], shift);
        }
        return SplitSoftmax.deferred(sum, global.max(), global.den(), cfg);
    }

    /** Tile t's scores in the order it sees them: lanes t·P .. t·P+P−1 of each beat of T·P lanes. */
    static byte[] tileScores(byte[] s, int t, int tiles, int p) {
        int beats = s.length / (tiles * p);
        byte[] out = new byte[beats * p];
        for (int k = 0; k < beats; k++) System.arraycopy(s, k * tiles * p + t * p, out, k * p, p);
        return out;
    }

    private byte[][] tileRows(int t, int tiles, int p) {
        byte[][] w = cfg.weights();
        int beats = w.length / (tiles * p);
        byte[][] out = new byte[beats * p][];
        for (int k = 0; k < beats; k++) {
            for (int i = 0; i < p; i++) out[k * p + i] = w[k * tiles * p + t * p + i];
        }
        return out;
    }
}
