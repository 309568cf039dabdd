package defernorm.testbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.FlashNormExample;
import defernorm.golden.timing.TimingReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the datapath benchmark: the "Datapaths" section of docs/benchmarks.md (only the text between its
 * markers, appended if absent, so the Simulators section stays) and the {@code datapaths} key of
 * rtl-out/bench.json (merged into what is there).
 */
final class DatapathReport {
    static final String COMMAND = "make bench   # this section alone: mvn -q -pl testbenches -am test "
            + "-Ddefernorm.excludedGroups=none -Dgroups=bench -Dtest=DatapathBench -Dsurefire.failIfNoSpecifiedTests=false";
    private static final String BEGIN = BenchDoc.begin("datapaths");
    private static final String END = BenchDoc.end("datapaths");
    private static final ObjectMapper JSON = BenchJson.JSON;

    /** Everything one run measured; {@code simulated} false when only the Schedule's figures were taken. */
    record Results(String date, String machine, boolean simulated, List<TimingRow> cSweep, List<FlashNormRow> flashNorm,
                   List<RateRow> rates, long seconds) {}

    private DatapathReport() {}

    static String markdown(Results r) {
        StringBuilder m = new StringBuilder();
        m.append(BEGIN).append("\n## Datapaths\n\n");
        m.append("Command: `").append(COMMAND).append(r.simulated() ? "" : " -Ddefernorm.bench.rtl=false").append("`  \n");
        m.append("Run: ").append(r.date()).append(", ").append(r.machine()).append(", ").append(r.seconds()).append(" s in all.\n\n");
        m.append(r.simulated()
                ? "Latencies measured in RTL on the built-in engine (cycle counts do not depend on the engine), "
                        + TopTiming.TOKENS + " tokens back to back, every cycle checked against the golden timeline; each equals the top's `Schedule` (asserted).\n\n"
                : "**Schedule only**: this run did not simulate (`-Ddefernorm.bench.rtl=false`); every figure is the golden `Schedule` "
                        + "on the depths the tops report (`TopGenerator.depths`). `make bench` measures the same figures in RTL.\n\n");
        m.append("Latency: cycles from a token's first input handshake to its last output handshake (token 0, line rate). ")
                .append("H: the deferred top's hiding limit (largest C whose collective is hidden behind the matmul). ")
                .append("NB·G = (n/P)·(m/Q): the matmul's own cycles per token.\n\n");
        m.append("### Latency as C grows (n = 64, m = 32, P×Q = 8×4)\n\n");
        m.append("Asserted at every point: deferred = matmul-only + (final scale − output stage depth) (+ the exp front for softmax) ")
                .append("+ max(0, C − H): flat up to H, then one cycle per cycle of C. Standard pays every cycle of C.\n\n");
        cSweepTable(m, r.cSweep());
        m.append("\n### FlashNorm's worked example\n\n");
        m.append("FlashNorm (Graef et al., arXiv 2407.09577) counts an nf×nf RMSNorm → Linear on mf vector lanes and an ")
                .append("mf×mf matrix unit as sequential 24 cycles vs deferred 17, the matmul alone 16 (nf²/mf²). Ours maps it to ")
                .append("n = m = nf, P = Q = mf, C = 0, per token, with every pipeline register counted (reduction tree, ")
                .append("the isqrt/reciprocal chain, MAC tree, output stage). The paper's other shape (nf = 512 on 128×128 MACs) is ")
                .append("beyond the largest array the tops build.\n\n");
        m.append("| nf, mf | paper standard / deferred / matmul | paper saving | our standard / deferred / matmul-only | our saving | ours from |\n");
        m.append("|---|---:|---:|---:|---:|---|\n");
        for (FlashNormRow f : r.flashNorm()) {
            FlashNormExample e = f.example();
            TimingRow t = f.timing();
            m.append(String.format(Locale.ROOT, "| %d, %d | %d / %d / %d | %s | %d / %d / %d | %s | %s |%n", e.nf(), e.mf(),
                    FlashNormExample.PAPER_SEQUENTIAL, FlashNormExample.PAPER_DEFERRED, e.paperMatmul(),
                    pct(FlashNormExample.paperReduction()), t.latency(Variant.STANDARD), t.latency(Variant.DEFERRED),
                    t.latency(Variant.MATMUL), pct(f.ourSaving()),
                    t.of(Variant.MATMUL).simulated() ? "RTL (= Schedule)" : "Schedule (not simulated)"));
        }
        m.append("\n### Cycles per token (steady state, line rate; from the Schedule)\n\n");
        m.append("With double buffering every variant ingests at line rate; standard keeps the matmul's rate (NB·G) while its ")
                .append("ingest and factor chain fit behind the previous token's matmul, `NB + reduction + C + factor + 1 ≤ (NB+1)·G`, ")
                .append("i.e. for C up to the limit in the last column (asserted against the Schedule at the limit and one past it, ")
                .append("where the tops can be built with such a collective).\n\n");
        m.append("| op | n | m | P×Q | C | NB·G | matmul | deferred | standard | standard at the matmul rate for C ≤ |\n");
        m.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (RateRow rr : r.rates()) {
            Params p = rr.params();
            m.append(String.format(Locale.ROOT, "| %s | %d | %d | %d×%d | %d | %d | %s | %s | %s | %s |%n", name(rr.op()),
                    p.n(), p.m(), p.p(), p.q(), p.c(), (long) p.beats() * p.groups(), TimingReport.cycles(rr.matmul()),
                    TimingReport.cycles(rr.deferred()), TimingReport.cycles(rr.standard()),
                    rr.standardUpToC() < 0 ? "never" : Long.toString(rr.standardUpToC())));
        }
        m.append('\n').append(summary(r)).append('\n');
        m.append(END).append('\n');
        return m.toString();
    }

    /** The key figures in one paragraph. */
    private static String summary(Results r) {
        StringBuilder s = new StringBuilder("Key figures: ");
        for (Op op : Op.values()) {
            List<TimingRow> rows = r.cSweep().stream().filter(t -> t.op() == op).toList();
            if (rows.isEmpty()) continue;
            TimingRow c0 = rows.get(0);
            s.append(String.format(Locale.ROOT, "%s H = %d, at C = 0 deferred %d vs standard %d cycles (matmul-only %d); ",
                    name(op), c0.hidingLimit(), c0.latency(Variant.DEFERRED), c0.latency(Variant.STANDARD), c0.latency(Variant.MATMUL)));
        }
        FlashNormRow f = r.flashNorm().get(0);
        s.append(String.format(Locale.ROOT, "FlashNorm's shape: our saving %s vs the paper's %s.", pct(f.ourSaving()),
                pct(FlashNormExample.paperReduction())));
        return s.toString();
    }

    private static void cSweepTable(StringBuilder m, List<TimingRow> rows) {
        m.append("| op | C | H | matmul lat | deferred lat | standard lat | deferred − matmul | standard − deferred | matmul cyc/tok | deferred cyc/tok | standard cyc/tok |\n");
        m.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TimingRow row : rows) {
            long mm = row.latency(Variant.MATMUL);
            long def = row.latency(Variant.DEFERRED);
            long std = row.latency(Variant.STANDARD);
            long h = row.hidingLimit();
            m.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %+d | %+d | %s | %s | %s |%n", name(row.op()),
                    row.params().c() == h ? "**" + h + "** (H)" : Integer.toString(row.params().c()), h, mm, def, std, def - mm, std - def,
                    TimingReport.cycles(row.of(Variant.MATMUL).scheduleCyclesPerToken()),
                    TimingReport.cycles(row.of(Variant.DEFERRED).scheduleCyclesPerToken()),
                    TimingReport.cycles(row.of(Variant.STANDARD).scheduleCyclesPerToken())));
        }
    }

    static ObjectNode json(Results r) {
        ObjectNode d = JSON.createObjectNode();
        d.put("command", COMMAND).put("date", r.date()).put("machine", r.machine()).put("seconds", r.seconds())
                .put("simulated", r.simulated());
        ArrayNode cs = d.putArray("cSweep");
        for (TimingRow row : r.cSweep()) {
            ObjectNode o = shape(cs.addObject(), row.op(), row.params()).put("H", row.hidingLimit());
            for (Variant v : TopTiming.ORDER) {
                MeasuredTiming t = row.of(v);
                ObjectNode x = o.putObject(name(v)).put("scheduleLatency", t.scheduleLatency())
                        .put("scheduleCyclesPerToken", t.scheduleCyclesPerToken());
                if (t.simulated()) x.put("latency", t.latency()).put("cyclesPerTokenOverRun", t.cyclesPerToken());
            }
        }
        ArrayNode fl = d.putArray("flashNorm");
        for (FlashNormRow f : r.flashNorm()) {
            FlashNormExample e = f.example();
            fl.addObject().put("nf", e.nf()).put("mf", e.mf())
                    .put("paperSequential", FlashNormExample.PAPER_SEQUENTIAL).put("paperDeferred", FlashNormExample.PAPER_DEFERRED)
                    .put("paperMatmul", e.paperMatmul())
                    .put("ourStandard", f.timing().latency(Variant.STANDARD)).put("ourDeferred", f.timing().latency(Variant.DEFERRED))
                    .put("ourMatmul", f.timing().latency(Variant.MATMUL)).put("ourSaving", f.ourSaving())
                    .put("measuredInRtl", f.timing().of(Variant.MATMUL).simulated());
        }
        ArrayNode rates = d.putArray("cyclesPerToken");
        for (RateRow rr : r.rates()) {
            shape(rates.addObject(), rr.op(), rr.params()).put("matmul", rr.matmul()).put("deferred", rr.deferred())
                    .put("standard", rr.standard()).put("standardAtMatmulRateUpToC", rr.standardUpToC());
        }
        return d;
    }

    private static ObjectNode shape(ObjectNode o, Op op, Params p) {
        return o.put("op", name(op)).put("n", p.n()).put("m", p.m()).put("p", p.p()).put("q", p.q()).put("c", p.c());
    }

    /** Replaces (or appends) the Datapaths section of {@code md}; sets the {@code datapaths} key of {@code jsonFile}. */
    static void write(Path md, Path jsonFile, Results r) throws IOException {
        String old = Files.exists(md) ? Files.readString(md, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        Files.writeString(md, replaceSection(old, markdown(r)), StandardCharsets.UTF_8);
        BenchJson.put(jsonFile, "datapaths", json(r));
    }

    /** {@code doc} with the text between the Datapaths markers (markers included) replaced by {@code section}. */
    static String replaceSection(String doc, String section) {
        return BenchDoc.replaceSection(doc, "datapaths", section);
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * f);
    }
}
