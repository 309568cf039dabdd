package defernorm.testbench.dut;

import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import java.util.SplittableRandom;

/**
 * Random but legal quantized layer configurations (the words a top's configuration port loads), for
 * co-simulation when no real-valued problem is given: int8 weights over most of their range (LayerNorm's
 * columns balanced to sum to zero, as its folded weights must), int32 biases, and a constant (epsilon word
 * or softmax score multiplier) in a realistic range.
 *
 * <pre>{@code LayerConfig cfg = RandomLayers.config(Op.RMSNORM, new Params(64, 32, 8, 4, 3), 1L); }</pre>
 */
public final class RandomLayers {
    private RandomLayers() {}

    public static LayerConfig config(Op op, Params params, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = params.n();
        int m = params.m();
        byte[][] w = new byte[n][m];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) w[i][j] = (byte) r.nextInt(-127, 128);
            if (op == Op.LAYERNORM) balance(w, j);
        }
        long[] bias = new long[m];
        for (int j = 0; j < m; j++) bias[j] = op == Op.SOFTMAX ? 0 : r.nextLong(-(1L << 20), 1L << 20);
        long constant = op == Op.SOFTMAX ? r.nextLong(256, 8192) : r.nextLong(1, 1L << 16);
        return new LayerConfig(op, params, w, bias, constant);
    }

    /** Moves column j's entries, within int8, until they sum to zero. */
    private static void balance(byte[][] w, int j) {
        long sum = 0;
        for (byte[] row : w) sum += row[j];
        for (int i = 0; sum != 0; i = (i + 1) % w.length) {
            long delta = Math.max(-127 - w[i][j], Math.min(127 - w[i][j], -sum));
            w[i][j] = (byte) (w[i][j] + delta);
            sum += delta;
        }
    }
}
