package defernorm.cosim.bench;

import java.util.List;

/** The median of a bench's rounds: the figure a noisy machine moves least. */
public final class Median {
    private Median() {}

    /**
     * The middle value of {@code xs} (the mean of the two middle ones for an even count).
     *
     * <pre>{@code Median.of(List.of(3.0, 1.0, 2.0))  // 2.0}</pre>
     */
    public static double of(List<Double> xs) {
        if (xs.isEmpty()) throw new IllegalArgumentException("the median of no values is undefined");
        List<Double> s = xs.stream().sorted().toList();
        int k = s.size();
        return k % 2 == 1 ? s.get(k / 2) : (s.get(k / 2 - 1) + s.get(k / 2)) / 2;
    }
}
