package defernorm.golden.accuracy;

/**
 * Running max/mean of absolute and relative error. The relative error of an output element is its
 * absolute error divided by the RMS of the reference row it belongs to (elementwise relative error is
 * meaningless for outputs near zero).
 *
 * <pre>{@code
 * ErrorStats st = new ErrorStats();
 * st.addRow(yInteger, yReference);
 * st.maxAbs();
 * }</pre>
 */
public final class ErrorStats {
    private double maxAbs;
    private double sumAbs;
    private double maxRel;
    private double sumRel;
    private long count;

    /** Adds one output row against its reference. */
    public void addRow(double[] y, double[] ref) {
        double ms = 0;
        for (double r : ref) {
            ms += r * r;
        }
        double rms = Math.sqrt(ms / ref.length);
        double denom = rms > 0 ? rms : 1.0;
        for (int j = 0; j < y.length; j++) {
            double a = Math.abs(y[j] - ref[j]);
            maxAbs = Math.max(maxAbs, a);
            sumAbs += a;
            maxRel = Math.max(maxRel, a / denom);
            sumRel += a / denom;
            count++;
        }
    }

    public double maxAbs() {
        return maxAbs;
    }

    public double meanAbs() {
        return count == 0 ? 0 : sumAbs / count;
    }

    public double maxRel() {
        return maxRel;
    }

    public double meanRel() {
        return count == 0 ? 0 : sumRel / count;
    }

    public long count() {
        return count;
    }
}
