package defernorm.golden.accuracy;

import defernorm.golden.model.Variant;
import java.util.List;
import java.util.Locale;

/**
 * Prints the accuracy table of docs/numerics.md: per op and case, max/mean absolute and relative
 * error of STANDARD (requantized) and DEFERRED against the float64 reference.
 *
 * <pre>{@code
 * java -cp golden-model.jar defernorm.golden.accuracy.AccuracyReport [n m P Q tokens]
 * }</pre>
 */
public final class AccuracyReport {
    private AccuracyReport() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int p = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int q = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int tokens = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        System.out.print(table(Problems.all(n, m, p, q, tokens, 1L)));
    }

    /** The markdown table for a list of problems. */
    public static String table(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append("| op | case | variant | max abs | mean abs | max rel | mean rel | datapath-only max rel | datapath-only mean rel |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Problem pr : problems) {
            for (Variant v : new Variant[] {Variant.STANDARD, Variant.DEFERRED}) {
                ErrorStats st = pr.measure(v);
                ErrorStats dp = pr.measureDatapathOnly(v);
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3e | %.3e | %.3e | %.3e | %.3e | %.3e |%n",
                        pr.op().name().toLowerCase(Locale.ROOT), pr.name(), v.name().toLowerCase(Locale.ROOT),
                        st.maxAbs(), st.meanAbs(), st.maxRel(), st.meanRel(), dp.maxRel(), dp.meanRel()));
            }
        }
        return sb.toString();
    }
}
