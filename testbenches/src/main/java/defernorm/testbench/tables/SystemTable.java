package defernorm.testbench.tables;

import defernorm.accel.system.SystemGenerator;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.SystemShape;
import defernorm.golden.system.Topology;
import java.util.Locale;

/**
 * Prints docs/system.md's latency table: token latency of standard, deferred and matmul-only systems (golden
 * schedule on the depths the system tops report) over T, H and topology, with L_ar and L_or.
 *
 * <pre>{@code
 * java -cp testbenches/target/defernorm.jar defernorm.testbench.tables.SystemTable rmsnorm 256 32 4 4
 * }</pre>
 */
public final class SystemTable {
    private SystemTable() {}

    public static void main(String[] args) {
        Op op = args.length > 0 ? Op.valueOf(args[0].toUpperCase(Locale.ROOT)) : Op.RMSNORM;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int m = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int p = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int q = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        System.out.print(table(op, new Params(n, m, p, q, 0), new int[] {1, 2, 4, 8, 16}, new int[] {1, 10, 100}));
    }

    /** One row per (topology, H, T): L_ar, L_or, the three latencies, deferred's saving and its hiding limit. */
    public static String table(Op op, Params params, int[] tiles, int[] hops) {
        StringBuilder sb = new StringBuilder();
        sb.append("| topology | H | T | NB·G | L_ar | L_or | standard | deferred | matmul-only | deferred saves | hiding limit |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Topology topo : Topology.values()) {
            for (int h : hops) {
                for (int t : tiles) {
                    if (params.n() % (t * params.p()) != 0) continue;
                    SystemShape shape = t == 1 ? SystemShape.single() : new SystemShape(t, topo, h, SystemShape.DEFAULT_LINK_BITS);
                    var std = SystemGenerator.schedule(op, Variant.STANDARD, params, shape);
                    var def = SystemGenerator.schedule(op, Variant.DEFERRED, params, shape);
                    var mm = SystemGenerator.schedule(op, Variant.MATMUL, params, shape);
                    long ls = std.tokenLatency(), ld = def.tokenLatency(), lm = mm.tokenLatency();
                    sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %.1f%% | %d |%n",
                            topo.cliName(), h, t, (long) std.params().beats() * std.params().groups(),
                            SystemGenerator.collectiveCycles(op, Variant.DEFERRED, params, shape),
                            SystemGenerator.outputReduceCycles(op, Variant.DEFERRED, params, shape),
                            ls, ld, lm, 100.0 * (ls - ld) / ls, def.hidingLimit()));
                }
            }
        }
        return sb.toString();
    }
}
