package defernorm.testbench.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;
import defernorm.golden.system.Topology;
import defernorm.testbench.sweep.PointResult;
import defernorm.testbench.sweep.SweepGrid;
import defernorm.testbench.sweep.SystemFindings;
import defernorm.testbench.sweep.SystemRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the system benchmark: the "System" section of docs/benchmarks.md (between its markers) and the
 * {@code system} key of rtl-out/bench.json.
 */
final class SystemSweepReport {
    static final String COMMAND = "make bench   # this section alone: mvn -B -q -o -pl testbenches -am test "
            + "-Ddefernorm.excludedGroups=none -Dgroups=bench -Dtest=SystemSweepBench -Dsurefire.failIfNoSpecifiedTests=false";
    private static final String SECTION = "system";

    /** One run: the grid, its results, how long the unsharded and the sharded runs took, and the file's SHA-256. */
    record Results(String date, String machine, SweepGrid grid, List<PointResult> points, double wholeSeconds,
                   double shardSeconds, int slices, String sha256) {}

    private SystemSweepReport() {}

    static String markdown(Results r) {
        SweepGrid g = r.grid();
        List<SystemRow> rows = SystemFindings.rows(r.points());
        StringBuilder m = new StringBuilder();
        m.append(BenchDoc.begin(SECTION)).append("\n## System: T tiles on a ring or a tree\n\n");
        m.append("Command: `").append(COMMAND).append("`  \n");
        m.append(String.format(Locale.ROOT, "Run: %s, %s; %d points in %.0f s on %d threads, then again in %d slices in %.0f s.%n%n",
                r.date(), r.machine(), r.points().size(), r.wholeSeconds(), Runtime.getRuntime().availableProcessors(), r.slices(),
                r.shardSeconds()));
        m.append("The same grid from the command line (its defaults): `./defernorm sweep --ops layernorm,rmsnorm,softmax ")
                .append("--variants standard,deferred,matmul --tiles ").append(join(g.tiles())).append(" --topology ring,tree --hop-latency ")
                .append(join(g.hopLatencies())).append(" -n ").append(join(g.ns())).append(" -m ").append(join(g.ms())).append(" -P ")
                .append(join(g.ps())).append(" -Q ").append(join(g.qs())).append(" --tokens ").append(g.tokens())
                .append(" --out rtl-out/system-sweep.jsonl --report rtl-out` (grid ").append(g.fingerprint()).append(").\n\n");
        m.append("Every point is built (T tiles, each holding n/T of the vector; docs/system.md), streams ").append(g.tokens())
                .append(" random tokens back to back on the built-in engine and is compared with the golden model on every cycle. ")
                .append("Latency: cycles from token 0's first input handshake to its last output handshake; it equals the golden ")
                .append("prediction at every point (asserted). L_ar: the statistics all-reduce's cycles (0 at T = 1); tile matmul: ")
                .append("(n/(T·P))·(m/Q), the matmul's own cycles per token on one tile; hiding limit: the largest collective the ")
                .append("deferred tile hides behind its matmul; share: L_ar / standard's latency.\n\n");
        for (Op op : rows.stream().map(SystemRow::op).distinct().toList()) {
            m.append("### ").append(name(op)).append(String.format(Locale.ROOT, " (n = %d, m = %d, P×Q = %d×%d per tile)%n%n",
                    g.ns().get(0), g.ms().get(0), g.ps().get(0), g.qs().get(0)));
            m.append("| topology | H | T | L_ar | tile matmul | hiding limit | standard | deferred | matmul-only | deferred − matmul | share of standard in the collective |\n");
            m.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            boolean singleShown = false;
            for (SystemRow row : rows.stream().filter(x -> x.op() == op).toList()) {
                // one tile has no network: its rows are the same at every topology and H, so it is shown once
                if (row.tiles() == 1 && singleShown) continue;
                singleShown |= row.tiles() == 1;
                Long d = row.deferredOverMatmul();
                double share = row.collectiveShare();
                m.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %s | %d | %d | %d | %s | %s |%n",
                        row.tiles() == 1 ? "any" : row.topology().cliName(), row.tiles() == 1 ? "any" : Integer.toString(row.hopLatency()), row.tiles(), row.collectiveCycles(), row.matmulCycles(),
                        row.hidingLimit() == null ? "" : row.hidingLimit(), row.latency(Variant.STANDARD), row.latency(Variant.DEFERRED),
                        row.latency(Variant.MATMUL), d == null ? "" : String.format(Locale.ROOT, "%+d", d),
                        Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share) : ""));
            }
            m.append('\n');
        }
        m.append("### The collective's share of standard's latency, beside the paper's ~20 %\n\n");
        for (String s : shareSentences(rows)) m.append("- ").append(s).append('\n');
        m.append("\n### Where deferral stops hiding the collective\n\n");
        m.append("Asserted at every system: deferred = matmul-only + the op's fixed extra (its final scale over the output stage, ")
                .append("plus the exp front for softmax) + max(0, L_ar − hiding limit): deferred removes all of the collective ")
                .append("wherever it fits behind the tile's matmul, and from there pays one cycle per cycle beyond.\n\n");
        m.append(longerMatmulSentence(rows)).append("\n\n");
        for (String s : SystemFindings.hidingSentences(rows)) m.append("- ").append(s).append('\n');
        m.append("\n### Checks\n\n");
        m.append("- T = 1 is today's single top: at every op, variant, topology and H, the measured latency equals the single top's ")
                .append("`Schedule` at C = 0 (asserted), and L_ar = L_or = 0.\n");
        m.append(String.format(Locale.ROOT, "- Sharding: the %d points run again as %d slices (`--shard 0/%d` … `%d/%d`) and merged give the "
                        + "unsharded file byte for byte (asserted; SHA-256 %s…).%n", r.points().size(), r.slices(), r.slices(),
                r.slices() - 1, r.slices(), r.sha256().substring(0, 16)));
        m.append("- Plots (latency against T per H, ring and tree; the share against T with 20 % marked): `rtl-out/system.html`.\n");
        m.append(BenchDoc.end(SECTION)).append('\n');
        return m.toString();
    }

    /**
     * The claim, counted: among the multi-tile systems whose tile matmul is longer than the collective,
     * how many deferred hides entirely, and how many fall between the hiding limit and the matmul.
     */
    static String longerMatmulSentence(List<SystemRow> rows) {
        List<SystemRow> longer = rows.stream().filter(r -> r.tiles() > 1 && r.collectiveCycles() < r.matmulCycles()).toList();
        long hidden = longer.stream().filter(r -> Long.valueOf(0).equals(SystemFindings.excess(rows, r))).count();
        List<SystemRow> between = longer.stream().filter(r -> r.hidingLimit() != null && r.collectiveCycles() > r.hidingLimit()).toList();
        String s = String.format(Locale.ROOT, "The tile's matmul is longer than the collective (L_ar < (n/(T·P))·(m/Q)) in %d of the %d "
                + "multi-tile systems; deferred hides all of the collective in %d of them. The hiding limit sits below the tile matmul "
                + "by the front's share of the window (the reduction and the factor chain must also finish before the accumulators land), ",
                longer.size(), rows.stream().filter(r -> r.tiles() > 1).count(), hidden);
        return s + (between.isEmpty() ? "and no system of this grid has its L_ar between the two."
                : "so the " + between.size() + " systems with L_ar between the two pay L_ar − hiding limit: "
                        + String.join("; ", between.stream().map(r -> name(r.op()) + " " + r.where()).toList()) + ".");
    }

    /** Per op: the largest share and, per topology and H, the first T where standard spends 20 % or more in the collective. */
    static List<String> shareSentences(List<SystemRow> rows) {
        return rows.stream().map(SystemRow::op).distinct().map(op -> {
            List<SystemRow> mine = rows.stream().filter(x -> x.op() == op).toList();
            SystemRow top = mine.stream().filter(x -> Double.isFinite(x.collectiveShare()))
                    .max((a, b) -> Double.compare(a.collectiveShare(), b.collectiveShare())).orElse(null);
            if (top == null) return name(op) + ": standard was not run.";
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s: up to %.1f %% (%s)", name(op), 100 * top.collectiveShare(), top.where()));
            List<String> crossings = new ArrayList<>();
            for (Topology t : mine.stream().map(SystemRow::topology).distinct().toList()) {
                for (int h : mine.stream().filter(x -> x.topology() == t).map(SystemRow::hopLatency).distinct().toList()) {
                    Optional<SystemRow> first = mine.stream().filter(x -> x.topology() == t && x.hopLatency() == h
                            && x.collectiveShare() >= SystemFindings.PAPER_SHARE).min((a, b) -> Integer.compare(a.tiles(), b.tiles()));
                    first.ifPresent(x -> crossings.add(String.format(Locale.ROOT, "%s H = %d from T = %d (%.1f %%)", t.cliName(), h,
                            x.tiles(), 100 * x.collectiveShare())));
                }
            }
            s.append(crossings.isEmpty() ? "; below the paper's ~20 % everywhere swept."
                    : "; at or above the paper's ~20 % on " + String.join(", ", crossings) + ".");
            return s.toString();
        }).toList();
    }

    static ObjectNode json(Results r) {
        ObjectNode o = BenchJson.JSON.createObjectNode();
        o.put("command", COMMAND).put("date", r.date()).put("machine", r.machine()).put("grid", r.grid().description())
                .put("fingerprint", r.grid().fingerprint()).put("points", r.points().size())
                .put("secondsUnsharded", Math.round(r.wholeSeconds())).put("secondsSharded", Math.round(r.shardSeconds()))
                .put("slices", r.slices()).put("mergedEqualsUnsharded", true).put("sha256", r.sha256());
        List<SystemRow> rows = SystemFindings.rows(r.points());
        ArrayNode findings = o.putArray("findings");
        shareSentences(rows).forEach(findings::add);
        SystemFindings.hidingSentences(rows).forEach(findings::add);
        ArrayNode out = o.putArray("rows");
        for (SystemRow row : rows) {
            ObjectNode x = out.addObject().put("op", name(row.op())).put("n", row.n()).put("m", row.m()).put("p", row.p()).put("q", row.q())
                    .put("topology", row.topology().cliName()).put("H", row.hopLatency()).put("T", row.tiles())
                    .put("collectiveCycles", row.collectiveCycles()).put("tileMatmulCycles", row.matmulCycles());
            if (row.hidingLimit() != null) x.put("hidingLimit", row.hidingLimit());
            for (Variant v : Variant.values()) x.put(name(v), row.latency(v));
            if (Double.isFinite(row.collectiveShare())) x.put("collectiveShare", row.collectiveShare());
            if (row.deferredOverMatmul() != null) x.put("deferredMinusMatmul", row.deferredOverMatmul());
        }
        return o;
    }

    /** Replaces (or appends) the System section of {@code md}; sets the {@code system} key of {@code jsonFile}. */
    static void write(Path md, Path jsonFile, Results r) throws IOException {
        String old = Files.exists(md) ? Files.readString(md, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        Files.writeString(md, BenchDoc.replaceSection(old, SECTION, markdown(r)), StandardCharsets.UTF_8);
        BenchJson.put(jsonFile, SECTION, json(r));
    }

    private static String join(List<Integer> xs) {
        return String.join(",", xs.stream().map(String::valueOf).toList());
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
