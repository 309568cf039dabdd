package defernorm.testbench.stimulus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The directed int8 tokens of issue 6: zero variance, maximum magnitudes, one outlier, and for softmax
 * scores all equal, spread over the whole int8 range, and all very negative. Each is a named token of
 * length {@code n}; {@link #all} gives them in a fixed order, ready to stream back to back.
 *
 * <pre>{@code for (EdgeCases.Named t : EdgeCases.all(64)) System.out.println(t.name()); }</pre>
 */
public final class EdgeCases {
    private EdgeCases() {}

    /** A directed token and what it exercises. */
    public record Named(String name, byte[] values) {}

    public static List<Named> all(int n) {
        List<Named> cases = new ArrayList<>();
        cases.add(new Named("zero variance (all 37)", fill(n, 37)));
        cases.add(new Named("all zero", fill(n, 0)));
        cases.add(new Named("all -128 (maximum magnitude)", fill(n, -128)));
        cases.add(new Named("all 127 (maximum magnitude)", fill(n, 127)));
        cases.add(new Named("alternating -128/127", alternating(n)));
        cases.add(new Named("one outlier 127 among 1s", outlier(n, (byte) 1, (byte) 127, n / 2)));
        cases.add(new Named("one outlier -128 among zeros, last lane", outlier(n, (byte) 0, (byte) -128, n - 1)));
        cases.add(new Named("one outlier 127 among -128s, first lane", outlier(n, (byte) -128, (byte) 127, 0)));
        cases.add(new Named("scores all equal", fill(n, 5)));
        cases.add(new Named("scores spread over the whole int8 range", ramp(n)));
        cases.add(new Named("scores all very negative", veryNegative(n)));
        return cases;
    }

    /** The edge cases' values only. */
    public static List<byte[]> tokens(int n) {
        return all(n).stream().map(Named::values).toList();
    }

    /** Edge cases followed by random tokens, shuffled together by {@code seed}, so edges meet every neighbour. */
    public static List<byte[]> mixedWithRandom(int n, int randomCount, long seed) {
        List<byte[]> all = new ArrayList<>(tokens(n));
        all.addAll(RandomTokens.generate(n, randomCount, seed));
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = all.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            byte[] t = all.get(i);
            all.set(i, all.get(j));
            all.set(j, t);
        }
        return all;
    }

    private static byte[] fill(int n, int v) {
        byte[] x = new byte[n];
        Arrays.fill(x, (byte) v);
        return x;
    }

    private static byte[] alternating(int n) {
        byte[] x = new byte[n];
        for (int i = 0; i < n; i++) x[i] = (byte) (i % 2 == 0 ? -128 : 127);
        return x;
    }

    private static byte[] outlier(int n, byte base, byte out, int at) {
        byte[] x = fill(n, base);
        x[at] = out;
        return x;
    }

    private static byte[] ramp(int n) {
        byte[] x = new byte[n];
        for (int i = 0; i < n; i++) x[i] = (byte) (n == 1 ? 0 : -128 + Math.round(255.0 * i / (n - 1)));
        return x;
    }

    private static byte[] veryNegative(int n) {
        byte[] x = new byte[n];
        for (int i = 0; i < n; i++) x[i] = (byte) (-128 + i % 3);
        return x;
    }
}
