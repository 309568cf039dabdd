package defernorm.accel.tops;

import defernorm.golden.stream.Packing;

import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Variant;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration words a top loads for one layer, in address order, packed as {@link ConfigMap} says.
 *
 * <pre>{@code
 * List<ConfigImage.Word> words = ConfigImage.of(cfg, Variant.DEFERRED);
 * for (ConfigImage.Word w : words) { poke cfg_addr = w.address(), cfg_wdata = w.data(), cfg_we = 1 }
 * }</pre>
 */
public final class ConfigImage {
    private ConfigImage() {}

    /** One configuration word: its address and its unsigned bit pattern. */
    public record Word(long address, BigInteger data) {}

    /** The words that configure {@code variant}'s top for {@code cfg}: weight tiles, biases, then the constant if any. */
    public static List<Word> of(LayerConfig cfg, Variant variant) {
        var p = cfg.params();
        ConfigMap map = ConfigMap.of(cfg.op(), variant, p);
        int g = p.groups();
        List<Word> out = new ArrayList<>();
        for (int k = 0; k < p.beats(); k++) {
            for (int gi = 0; gi < g; gi++) {
                byte[][] tile = cfg.weightTile(k, gi);
                long[] lanes = new long[p.p() * p.q()];
                for (int r = 0; r < p.p(); r++) {
                    for (int c = 0; c < p.q(); c++) lanes[r * p.q() + c] = tile[r][c];
                }
                out.add(new Word((long) k * g + gi, Packing.pack(lanes, 8)));
            }
        }
        for (int gi = 0; gi < g; gi++) {
            long[] lanes = new long[p.q()];
            for (int c = 0; c < p.q(); c++) lanes[c] = cfg.bias()[gi * p.q() + c];
            out.add(new Word(map.biasBase() + gi, Packing.pack(lanes, 32)));
        }
        if (map.hasConstant()) out.add(new Word(map.constAddr(), BigInteger.valueOf(cfg.constant())));
        return out;
    }
}
