package defernorm.accel.units;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Test tokens of n int8 values: random ones plus the edge cases of docs/numerics.md. */
final class Tokens {
    private Tokens() {}

    static List<byte[]> mix(Random rnd, int n, int randomCount) {
        List<byte[]> out = new ArrayList<>();
        out.add(filled(n, (byte) -128));
        out.add(filled(n, (byte) 127));
        out.add(filled(n, (byte) 0));
        out.add(filled(n, (byte) 5));                 // zero variance
        byte[] outlier = filled(n, (byte) 1);
        outlier[n / 2] = 127;                         // one huge outlier
        out.add(outlier);
        byte[] alternating = new byte[n];
        for (int i = 0; i < n; i++) alternating[i] = (byte) (i % 2 == 0 ? 127 : -128);
        out.add(alternating);
        byte[] rising = new byte[n];                  // softmax: the max grows at every beat
        for (int i = 0; i < n; i++) rising[i] = (byte) (-128 + (255 * i) / Math.max(1, n - 1));
        out.add(rising);
        for (int t = 0; t < randomCount; t++) {
            byte[] x = new byte[n];
            int spread = 1 + rnd.nextInt(256);
            for (int i = 0; i < n; i++) x[i] = (byte) Math.max(-128, Math.min(127, rnd.nextInt(spread) - spread / 2));
            out.add(x);
        }
        return out;
    }

    static byte[] filled(int n, byte v) {
        byte[] x = new byte[n];
        Arrays.fill(x, v);
        return x;
    }

    /** Lanes k·P .. k·P+P-1 of a token, as longs. */
    static long[] beat(byte[] x, int k, int p) {
        long[] lanes = new long[p];
        for (int i = 0; i < p; i++) lanes[i] = x[k * p + i];
        return lanes;
    }

    static byte[][] randomWeights(Random rnd, int n, int m) {
        byte[][] w = new byte[n][m];
        for (byte[] row : w) for (int j = 0; j < m; j++) row[j] = (byte) (rnd.nextInt(256) - 128);
        return w;
    }
}
