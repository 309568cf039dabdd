package defernorm.golden.estimate;

import defernorm.golden.model.Variant;
import java.util.Locale;

/**
 * Prints the block-level estimate: Llama-2-7B and Llama-3-8B, prefill and decode, a few sequence
 * lengths and collective latencies, standard vs deferred, and the latency saved.
 *
 * <pre>{@code
 * java -cp golden-model.jar defernorm.golden.estimate.EstimateMain [P Q [tiles]]
 * }</pre>
 */
public final class EstimateMain {
    private EstimateMain() {}

    public static void main(String[] args) {
        int p = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int q = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int tiles = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        System.out.print(table(p, q, tiles, new int[] {0, 100, 1000}, new int[] {512, 2048, 4096}));
    }

    /** The markdown table for one tile. */
    public static String table(int p, int q, int[] cs, int[] seqs) {
        return table(p, q, 1, cs, seqs);
    }

    /** The markdown table for {@code tiles} parallel tiles. */
    public static String table(int p, int q, int tiles, int[] cs, int[] seqs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Matrix unit %d x %d int8 MACs, %d tile(s); one block; cycles.%n%n", p, q, tiles));
        sb.append("| model | phase | seq | C | standard | deferred | saved | fused-op share of standard |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (ModelShape s : new ModelShape[] {ModelShape.LLAMA2_7B, ModelShape.LLAMA3_8B}) {
            for (int c : cs) {
                BlockEstimator est = new BlockEstimator(p, q, c, tiles);
                for (int seq : seqs) {
                    row(sb, s, "prefill", seq, c, est.block(s, Variant.STANDARD, seq, seq), est.block(s, Variant.DEFERRED, seq, seq));
                    row(sb, s, "decode", seq, c, est.block(s, Variant.STANDARD, 1, seq), est.block(s, Variant.DEFERRED, 1, seq));
                }
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, ModelShape s, String phase, int seq, int c, BlockEstimate std, BlockEstimate def) {
        double saved = 100.0 * (std.total() - def.total()) / std.total();
        double share = 100.0 * std.fused() / std.total();
        sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.2f%% | %.1f%% |%n",
                s.name(), phase, seq, c, std.total(), def.total(), saved, share));
    }
}
