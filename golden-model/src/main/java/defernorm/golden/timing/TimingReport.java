package defernorm.golden.timing;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import java.util.Locale;

/**
 * The timing tables of docs/timing.md, from the depths the hardware reports: the depths and token-0
 * timing of all nine datapaths at one shape, latency and cycles per token for a few shapes and collective
 * latencies, and FlashNorm's example beside ours. Printed by the testbenches' {@code DocTables}, which
 * passes the hardware's depths ({@code TopGenerator::depths}); the golden model has none of its own.
 *
 * <pre>{@code
 * System.out.print(TimingReport.depthTable(TopGenerator::depths, new Params(64, 32, 8, 4, 0)));
 * }</pre>
 */
public final class TimingReport {
    private TimingReport() {}

    /** The depths of the nine datapaths at {@code p}, with token-0 latency, steady cycles per token and H. */
    public static String depthTable(DepthSource src, Params p) {
        StringBuilder sb = new StringBuilder();
        sb.append("| op | variant | write | reduction | factor | readToArray | mac | output | factorSlots | latency | cyc/token | H |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Op op : Op.values()) {
            for (Variant v : new Variant[] {Variant.MATMUL, Variant.DEFERRED, Variant.STANDARD}) {
                Schedule s = src.schedule(op, v, p);
                PipelineDepths d = s.depths();
                sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s |%n",
                        name(op), name(v), d.write(), d.reduction(), d.factor(), d.readToArray(), d.mac(), d.output(),
                        d.factorSlots(), s.tokenLatency(), cycles(s.cyclesPerToken()),
                        v == Variant.DEFERRED ? Long.toString(s.hidingLimit()) : "-"));
            }
        }
        return sb.toString();
    }

    /** The FlashNorm comparison table, one row per {nf, mf}. */
    public static String flashNormTable(DepthSource src, int[][] shapes) {
        StringBuilder sb = new StringBuilder();
        sb.append("| nf | mf | paper sequential | paper deferred | paper saving | our standard | our deferred | our matmul-only | our saving |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int[] s : shapes) {
            FlashNormExample ex = FlashNormExample.of(src, s[0], s[1]);
            sb.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.1f%% | %d | %d | %d | %.1f%% |%n",
                    s[0], s[1], FlashNormExample.PAPER_SEQUENTIAL, FlashNormExample.PAPER_DEFERRED,
                    100 * FlashNormExample.paperReduction(), ex.ourStandard(), ex.ourDeferred(), ex.ourMatmul(),
                    100 * ex.ourReduction()));
        }
        return sb.toString();
    }

    /**
     * Latency and cycles per token of the three variants per op, shape {n, m, P, Q} and C, with the hiding
     * limit H and whether standard runs at the matmul's rate (NB·G cycles per token).
     */
    public static String shapeTable(DepthSource src, int[][] shapes, int[] cs) {
        StringBuilder sb = new StringBuilder();
        sb.append("| op | n | m | P | Q | C | NB·G | H | mm latency | def latency | std latency | mm cyc/token | def cyc/token | std cyc/token | std at matmul rate |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Op op : Op.values()) {
            for (int[] s : shapes) {
                for (int c : cs) {
                    Params p = new Params(s[0], s[1], s[2], s[3], c);
                    Schedule mm = src.schedule(op, Variant.MATMUL, p);
                    Schedule de = src.schedule(op, Variant.DEFERRED, p);
                    Schedule st = src.schedule(op, Variant.STANDARD, p);
                    sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s | %s | %s |%n",
                            name(op), s[0], s[1], s[2], s[3], c, (long) p.beats() * p.groups(), de.hidingLimit(),
                            mm.tokenLatency(), de.tokenLatency(), st.tokenLatency(),
                            cycles(mm.cyclesPerToken()), cycles(de.cyclesPerToken()), cycles(st.cyclesPerToken()),
                            st.cyclesPerToken() <= mm.cyclesPerToken() ? "yes" : "no"));
                }
            }
        }
        return sb.toString();
    }

    /** Cycles per token: an integer when it is one, else one decimal (some schedules alternate two spacings). */
    public static String cycles(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
