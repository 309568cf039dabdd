package defernorm.accel.tops;

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
                out.add(new Word((long) k * g + gi, pack(lanes, 8)));
            }
        }
        for (int gi = 0; gi < g; gi++) {
            long[] lanes = new long[p.q()];
            for (int c = 0; c < p.q(); c++) lanes[c] = cfg.bias()[gi * p.q() + c];
            out.add(new Word(map.biasBase() + gi, pack(lanes, 32)));
        }
        if (map.hasConstant()) out.add(new Word(map.constAddr(), BigInteger.valueOf(cfg.constant())));
        return out;
    }

    /**
     * Lane 0 in the low bits, each lane a two's-complement field of {@code bits} (1 to 64) bits. Written into one
     * big-endian byte array and converted once: linear in the word's width (growing a BigInteger lane by lane
     * is quadratic, 15 s for the 16,513 words of a 4096×4096 layer on 32×32 MACs).
     */
    static BigInteger pack(long[] lanes, int bits) {
        if (bits < 1 || bits > 64) throw new IllegalArgumentException("lane width " + bits + " is not 1 to 64 bits");
        byte[] be = new byte[(int) (((long) lanes.length * bits + 7) / 8)];
        long pos = 0;   // bit position of the next field, from the word's least significant bit
        for (long lane : lanes) {
            for (int done = 0; done < bits; ) {
                int shift = (int) (pos & 7);
                int take = Math.min(8 - shift, bits - done);
                int chunk = (int) (lane >>> done) & ((1 << take) - 1);
                be[be.length - 1 - (int) (pos >>> 3)] |= (byte) (chunk << shift);
                pos += take;
                done += take;
            }
        }
        return new BigInteger(1, be);
    }
}
