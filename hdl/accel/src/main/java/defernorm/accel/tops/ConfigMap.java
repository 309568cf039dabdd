package defernorm.accel.tops;

import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.ir.Type;

/**
 * The configuration address map of a top: one word per {@code cfg_addr}, written through
 * {@code cfg_we}/{@code cfg_addr}/{@code cfg_wdata} before streaming starts.
 * <ul>
 *   <li>weights: {@code NB·G} words from address 0; word {@code k·G + g} is the P&times;Q tile of input beat
 *       k and column group g, {@code W[kP+r][gQ+c]} as int8 at bits {@code (r·Q+c)·8}.</li>
 *   <li>biases: {@code G} words from {@link #biasBase()}; word g holds {@code bias[gQ+c]} as int32 at bits
 *       {@code c·32}.</li>
 *   <li>constant (not in matmul-only tops): one word at {@link #constAddr()}: the epsilon word E
 *       (LayerNorm/RMSNorm, {@link #CONST_BITS} unsigned bits) or the score multiplier L (softmax).</li>
 * </ul>
 * Unused high bits of {@code cfg_wdata} are ignored.
 *
 * <pre>{@code
 * ConfigMap map = ConfigMap.of(Op.RMSNORM, Variant.DEFERRED, new Params(64, 32, 8, 4, 0));
 * map.biasBase();   // 64
 * }</pre>
 */
public record ConfigMap(int weightWords, int weightBits, int biasWords, int biasBits, boolean hasConstant,
                        int dataBits, int addrBits) {
    /** Width of the constant word: E < 2^40 (L < 2^16 uses the low bits). */
    public static final int CONST_BITS = 40;

    public static ConfigMap of(Op op, Variant variant, Params p) {
        int ww = p.beats() * p.groups();
        int wb = p.p() * p.q() * Formats.DATA_BITS;
        int bw = p.groups();
        int bb = p.q() * Formats.BIAS_BITS;
        boolean constant = variant != Variant.MATMUL;
        int data = Math.max(wb, Math.max(bb, constant ? CONST_BITS : 1));
        int words = ww + bw + (constant ? 1 : 0);
        return new ConfigMap(ww, wb, bw, bb, constant, data, Type.bitsFor(words - 1));
    }

    public int weightBase() { return 0; }

    public int biasBase() { return weightWords; }

    /** Address of the constant word, or -1 when the top has none. */
    public int constAddr() { return hasConstant ? weightWords + biasWords : -1; }

    /** Number of configuration words. */
    public int words() { return weightWords + biasWords + (hasConstant ? 1 : 0); }
}
