package defernorm.testbench.stimulus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random int8 tokens, uniform over [-128, 127].
 *
 * <pre>{@code List<byte[]> tokens = RandomTokens.generate(64, 300, 1L);  // 300 tokens of n = 64 }</pre>
 */
public final class RandomTokens {
    private RandomTokens() {}

    public static List<byte[]> generate(int n, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> tokens = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            byte[] x = new byte[n];
            for (int i = 0; i < n; i++) x[i] = (byte) random.nextInt(-128, 128);
            tokens.add(x);
        }
        return tokens;
    }
}
