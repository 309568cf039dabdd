package defernorm.golden.timing;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import java.util.Locale;

/**
 * Prints the timing tables of docs/timing.md: FlashNorm's example beside ours, and latency /
 * throughput of all nine datapaths for a few shapes and collective latencies.
 *
 * <pre>{@code
 * java -cp golden-model.jar defernorm.golden.timing.TimingReport
 * }</pre>
 */
public final class TimingReport {
    private TimingReport() {}

    public static void main(String[] args) {
        System.out.print(flashNormTable());
        System.out.println();
        System.out.print(shapeTable(new int[][] {{512, 512, 128, 128}, {64, 64, 16, 16}, {4096, 4096, 64, 64}, {256, 64, 16, 16}},
                new int[] {0, 20, 100}));
    }

    /** The FlashNorm comparison table. */
    public static String flashNormTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| n | lanes | paper sequential | paper deferred | paper reduction | our standard | our deferred | our matmul-only | our reduction |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int[] s : new int[][] {{512, 128}, {64, 16}}) {
            FlashNormExample ex = FlashNormExample.of(s[0], s[1]);
            sb.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.1f%% | %d | %d | %d | %.1f%% |%n",
                    s[0], s[1], FlashNormExample.PAPER_SEQUENTIAL, FlashNormExample.PAPER_DEFERRED,
                    100 * FlashNormExample.paperReduction(), ex.ourStandard(), ex.ourDeferred(), ex.ourMatmul(),
                    100 * ex.ourReduction()));
        }
        return sb.toString();
    }

    /** Latency and cycles/token per op, variant, shape {n, m, P, Q} and C. */
    public static String shapeTable(int[][] shapes, int[] cs) {
        StringBuilder sb = new StringBuilder();
        sb.append("| op | n | m | P | Q | C | std latency | def latency | mm latency | std cyc/token | def cyc/token | mm cyc/token |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Op op : Op.values()) {
            for (int[] s : shapes) {
                for (int c : cs) {
                    Params p = new Params(s[0], s[1], s[2], s[3], c);
                    Schedule st = new Schedule(op, Variant.STANDARD, p);
                    Schedule de = new Schedule(op, Variant.DEFERRED, p);
                    Schedule mm = new Schedule(op, Variant.MATMUL, p);
                    sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n",
                            op.name().toLowerCase(Locale.ROOT), s[0], s[1], s[2], s[3], c,
                            st.tokenLatency(), de.tokenLatency(), mm.tokenLatency(),
                            st.cyclesPerToken(), de.cyclesPerToken(), mm.cyclesPerToken()));
                }
            }
        }
        return sb.toString();
    }
}
