package defernorm.testbench.report;

/**
 * Histogram bins with round edges (multiples of 1, 2, 2.5 or 5 times a power of ten), starting at 0, shared
 * by every histogram of the report so they can be compared at a glance.
 *
 * <pre>{@code
 * Bins b = Bins.covering(0.0123, 25);   // width 0.0005, 25 bins: edges 0, 0.0005, ..., 0.0125
 * int i = b.index(0.004);               // 8
 * }</pre>
 *
 * @param width the width of one bin
 * @param count the number of bins; the last edge is {@code width * count}
 */
record Bins(double width, int count) {
    private static final double[] MANTISSAS = {1, 2, 2.5, 5, 10};

    /** About {@code target} bins of a round width from 0 to at least {@code max} (a tiny range when max is 0). */
    static Bins covering(double max, int target) {
        double span = max > 0 && Double.isFinite(max) ? max : 1e-12;
        double raw = span / target;
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        double width = decade * 10;
        for (double m : MANTISSAS) {
            if (m * decade >= raw * (1 - 1e-9)) {
                width = m * decade;
                break;
            }
        }
        int count = Math.max(1, (int) Math.ceil(span / width - 1e-9));
        return new Bins(width, count);
    }

    /** The bin of {@code v} (values at or past the last edge go into the last bin). */
    int index(double v) { return Math.max(0, Math.min(count - 1, (int) Math.floor(v / width))); }

    double edge(int i) { return i * width; }

    double max() { return edge(count); }

    /** Bin counts of {@code values}. */
    double[] counts(double[] values) {
        double[] c = new double[count];
        for (double v : values) c[index(v)]++;
        return c;
    }
}
