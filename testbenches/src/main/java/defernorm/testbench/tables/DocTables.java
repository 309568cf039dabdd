package defernorm.testbench.tables;

import defernorm.accel.tops.TopGenerator;
import defernorm.golden.estimate.EstimateTable;
import defernorm.golden.model.Params;
import defernorm.golden.timing.DepthSource;
import defernorm.golden.timing.TimingReport;
import java.io.PrintStream;

/**
 * Prints the tables of docs/timing.md ({@code timing}) and docs/estimate.md ({@code estimate}) from the
 * hardware's pipeline depths ({@link TopGenerator#depths}): the golden model composes the schedules, the
 * accelerator module says how deep each pipeline is, and only this module sees both.
 *
 * <pre>{@code
 * java -cp testbenches/target/defernorm.jar defernorm.testbench.tables.DocTables timing
 * }</pre>
 */
public final class DocTables {
    /** The hardware's depths. */
    public static final DepthSource HARDWARE = TopGenerator::depths;
    /** The default shape of the main job and the benchmarks: n = 64, m = 32, P = 8, Q = 4, C = 0. */
    public static final Params DEFAULT = new Params(64, 32, 8, 4, 0);

    private DocTables() {}

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "timing";
        PrintStream out = System.out;
        switch (which) {
            case "timing" -> out.print(timing());
            case "estimate" -> out.print(estimate());
            default -> {
                System.err.println("DocTables: unknown table set '" + which + "'; use 'timing' or 'estimate'.");
                System.exit(2);
            }
        }
    }

    /** The tables of docs/timing.md. */
    public static String timing() {
        return "### Depths at n = 64, m = 32, P = 8, Q = 4, C = 0\n\n" + TimingReport.depthTable(HARDWARE, DEFAULT)
                + "\n### Latency and cycles per token\n\n"
                + TimingReport.shapeTable(HARDWARE, new int[][] {{64, 32, 8, 4}, {64, 64, 16, 16}, {4096, 4096, 32, 32}},
                        new int[] {0, 16, 64})
                // the paper's other shape, nf = 512 on 128 x 128 MACs, is beyond the largest array the tops build
                + "\n### FlashNorm's example\n\n" + TimingReport.flashNormTable(HARDWARE, new int[][] {{64, 16}});
    }

    /** The tables of docs/estimate.md. */
    public static String estimate() {
        int[] cs = {0, 100, 1000};
        int[] seqs = {512, 2048, 4096};
        // 64 x 64 is the largest MAC array the tops build (4096 MACs)
        return "## One 64 × 64 tile\n" + EstimateTable.table(HARDWARE, 64, 64, 1, cs, seqs)
                + "\n## Eight 64 × 64 tiles (per-tile cycles)\n" + EstimateTable.table(HARDWARE, 64, 64, 8, cs, seqs);
    }
}
