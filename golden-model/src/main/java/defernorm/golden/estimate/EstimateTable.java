package defernorm.golden.estimate;

import defernorm.golden.model.Variant;
import defernorm.golden.timing.DepthSource;
import java.util.Locale;

/**
 * The block-level estimate as a markdown table: Llama-2-7B and Llama-3-8B, prefill and decode, a few
 * sequence lengths and collective latencies, standard vs deferred, and the latency saved. Printed into
 * docs/estimate.md by the testbenches' {@code DocTables}, which passes the hardware's depths.
 *
 * <pre>{@code
 * String md = EstimateTable.table(TopGenerator::depths, 64, 64, 1, new int[] {0, 100}, new int[] {512});
 * }</pre>
 */
public final class EstimateTable {
    private EstimateTable() {}

    /** The markdown table for {@code tiles} parallel P × Q tiles. */
    public static String table(DepthSource depths, int p, int q, int tiles, int[] cs, int[] seqs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Matrix unit %d x %d int8 MACs, %d tile(s); one block; cycles.%n%n", p, q, tiles));
        sb.append("| model | phase | seq | C | standard | deferred | saved | fused-op share of standard |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (ModelShape s : new ModelShape[] {ModelShape.LLAMA2_7B, ModelShape.LLAMA3_8B}) {
            for (int c : cs) {
                BlockEstimator est = new BlockEstimator(depths, p, q, c, tiles);
                for (int seq : seqs) {
                    row(sb, s, "prefill", seq, c, est.block(s, Variant.STANDARD, seq, seq), est.block(s, Variant.DEFERRED, seq, seq));
                    row(sb, s, "decode", seq, c, est.block(s, Variant.STANDARD, 1, seq), est.block(s, Variant.DEFERRED, 1, seq));
                }
            }
        }
        return sb.toString();
    }

    /** Fraction of the standard block's time deferring saves. */
    public static double saved(BlockEstimate std, BlockEstimate def) {
        return (double) (std.total() - def.total()) / std.total();
    }

    private static void row(StringBuilder sb, ModelShape s, String phase, int seq, int c, BlockEstimate std, BlockEstimate def) {
        double share = 100.0 * std.fused() / std.total();
        sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.2f%% | %.1f%% |%n",
                s.name(), phase, seq, c, std.total(), def.total(), 100 * saved(std, def), share));
    }
}
