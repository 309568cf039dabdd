package defernorm.testbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.FlashNormExample;
import defernorm.golden.timing.Latencies;
import defernorm.hdl.emit.SynthStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private static final String BEGIN = "<!-- bench:datapaths:begin -->";
    private static final String END = "<!-- bench:datapaths:end -->";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Everything one run measured. */
    record Results(String date, String machine, List<TimingRow> nSweep, List<TimingRow> cSweep,
                   List<TimingRow> otherOps, List<FlashNormRow> flashNorm, List<SizeRow> sizes, long seconds) {}

    private DatapathReport() {}

    static String markdown(Results r) {
        StringBuilder m = new StringBuilder();
        m.append(BEGIN).append("\n## Datapaths\n\n");
        m.append("Command: `").append(COMMAND).append("`  \n");
        m.append("Run: ").append(r.date()).append(", ").append(r.machine()).append(", ")
                .append(r.seconds()).append(" s in all.\n\n");
        m.append("Latency (cycles from a token's first input handshake to its last output handshake) and steady-state ")
                .append("cycles per token of the three variants, measured in RTL on the built-in engine (cycle counts do not ")
                .append("depend on the engine) with every cycle checked against the golden model, 3 tokens back to back. ")
                .append("Every measured figure equals the golden `Schedule`'s prediction (asserted; shown in the Schedule column ")
                .append("as matmul / deferred / standard latency). NB·G = (n/P)·(m/Q) is the matmul's own work per token.\n\n");
        m.append(summary(r)).append("\n\n");
        m.append("### RMSNorm as n grows (m = 512, C = 8)\n\n");
        timingTable(m, r.nSweep());
        m.append("\n### RMSNorm as C grows (n = 64, m = 512)\n\n");
        timingTable(m, r.cSweep());
        m.append("\n### LayerNorm and softmax (one point each)\n\n");
        timingTable(m, r.otherOps());
        m.append("\n### FlashNorm's worked example\n\n");
        m.append("FlashNorm (Graef et al., arXiv 2407.09577) counts an nf×nf RMSNorm → Linear on mf vector lanes and an ")
                .append("mf×mf matrix unit as sequential 24 cycles vs deferred 17 (the matmul as nf²/mf² cycles starting with the ")
                .append("statistics). Ours maps it to n = m = nf, P = Q = mf, C = 0, per token, with the pipelined isqrt/reciprocal ")
                .append("chain and the output stage included.\n\n");
        m.append("| nf, mf | paper sequential / deferred | paper saving | our matmul-only | our standard | our deferred | our saving | RTL |\n");
        m.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (FlashNormRow f : r.flashNorm()) {
            FlashNormExample e = f.example();
            m.append("| ").append(e.nf()).append(", ").append(e.mf()).append(" | ")
                    .append(FlashNormExample.PAPER_SEQUENTIAL).append(" / ").append(FlashNormExample.PAPER_DEFERRED).append(" | ")
                    .append(pct(FlashNormExample.paperReduction())).append(" | ")
                    .append(e.ourMatmul()).append(" | ").append(e.ourStandard()).append(" | ").append(e.ourDeferred()).append(" | ")
                    .append(pct(e.ourReduction())).append(" | ")
                    .append(f.measured() == null ? "Schedule only (too large to simulate here)" : "measured, equal")
                    .append(" |\n");
        }
        m.append("\n### Size (Yosys, RMSNorm, m = 8, P×Q = 4×2, C = 2)\n\n");
        m.append("`ToolChecks.yosysSynth` (full `synth -flatten`, no latches) of the three RMSNorm tops. Only standard ")
                .append("holds an activation buffer (the whole token, n·8 bits, until its factor is known); deferred scales ")
                .append("the outputs instead. Every variant also holds the weight memory (n·m·8 bits), which the full flow maps ")
                .append("to flip-flops, so it is in every FF count; matmul-only is the array, that memory and the stream logic.\n\n");
        m.append("| n | weight memory (n·m·8 bits) | activation buffer (n·8 bits) | standard cells / FFs | deferred cells / FFs | matmul-only cells / FFs ")
                .append("| deferred saves (cells / FFs) | synthesis time (std / def / mm) |\n");
        m.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SizeRow s : r.sizes()) {
            m.append("| ").append(s.params().n()).append(" | ").append(s.weightBits()).append(" | ")
                    .append(s.activationBufferBits()).append(" | ")
                    .append(size(s.stats().get(Variant.STANDARD))).append(" | ")
                    .append(size(s.stats().get(Variant.DEFERRED))).append(" | ")
                    .append(size(s.stats().get(Variant.MATMUL))).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d / %,d", s.cellsSaved(), s.flipFlopsSaved())).append(" | ")
                    .append(secs(s.millis().get(Variant.STANDARD))).append(" / ").append(secs(s.millis().get(Variant.DEFERRED)))
                    .append(" / ").append(secs(s.millis().get(Variant.MATMUL))).append(" |\n");
        }
        m.append(END).append('\n');
        return m.toString();
    }

    /** The key figures of the timing tables, in one paragraph. */
    private static String summary(Results r) {
        List<TimingRow> all = new ArrayList<>(r.nSweep());
        all.addAll(r.cSweep());
        all.addAll(r.otherOps());
        long scale = Latencies.FINAL_SCALE - Latencies.OUTPUT;
        long hidden = all.stream().filter(t -> t.of(Variant.DEFERRED).latency() - t.of(Variant.MATMUL).latency() <= scale).count();
        long maxOver = all.stream().mapToLong(t -> t.of(Variant.DEFERRED).latency() - t.of(Variant.MATMUL).latency()).max().orElse(0);
        long minSave = all.stream().mapToLong(t -> t.of(Variant.STANDARD).latency() - t.of(Variant.DEFERRED).latency()).min().orElse(0);
        long maxSave = all.stream().mapToLong(t -> t.of(Variant.STANDARD).latency() - t.of(Variant.DEFERRED).latency()).max().orElse(0);
        long sameRate = all.stream().filter(t -> t.of(Variant.DEFERRED).cyclesPerToken() == t.of(Variant.MATMUL).cyclesPerToken()).count();
        long stdSlower = all.stream().filter(t -> t.of(Variant.STANDARD).cyclesPerToken() > t.of(Variant.MATMUL).cyclesPerToken()).count();
        return String.format(Locale.ROOT, "Key figures over the %d points below: deferred latency is within %d cycles of matmul-only "
                + "(the final-scale stage: reduction, C and the factor chain hidden) at %d of them and at most %d cycles above it; standard is %d to %d cycles slower than "
                + "deferred; deferred runs at the matmul rate (NB·G cycles per token) at %d points, standard falls below it at %d.",
                all.size(), scale, hidden, maxOver, minSave, maxSave, sameRate, stdSlower);
    }

    private static void timingTable(StringBuilder m, List<TimingRow> rows) {
        m.append("| op | n | m | P×Q | C | NB·G | matmul lat | deferred lat | standard lat | standard − deferred ")
                .append("| matmul cyc/tok | deferred cyc/tok | standard cyc/tok | Schedule lat |\n");
        m.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (TimingRow row : rows) {
            Params p = row.params();
            MeasuredTiming mm = row.of(Variant.MATMUL);
            MeasuredTiming def = row.of(Variant.DEFERRED);
            MeasuredTiming std = row.of(Variant.STANDARD);
            m.append(String.format(Locale.ROOT, "| %s | %d | %d | %d×%d | %d | %d | %d | %d | %d | %+d | %.0f | %.0f | %.0f | %d / %d / %d |%n",
                    row.op().name().toLowerCase(Locale.ROOT), p.n(), p.m(), p.p(), p.q(), p.c(), row.matmulWork(),
                    mm.latency(), def.latency(), std.latency(), std.latency() - def.latency(),
                    mm.cyclesPerToken(), def.cyclesPerToken(), std.cyclesPerToken(),
                    mm.scheduleLatency(), def.scheduleLatency(), std.scheduleLatency()));
        }
    }

    static ObjectNode json(Results r) {
        ObjectNode d = JSON.createObjectNode();
        d.put("command", COMMAND).put("date", r.date()).put("machine", r.machine()).put("seconds", r.seconds());
        d.set("nSweep", timingJson(r.nSweep()));
        d.set("cSweep", timingJson(r.cSweep()));
        d.set("otherOps", timingJson(r.otherOps()));
        ArrayNode fl = d.putArray("flashNorm");
        for (FlashNormRow f : r.flashNorm()) {
            FlashNormExample e = f.example();
            fl.addObject().put("nf", e.nf()).put("mf", e.mf())
                    .put("paperSequential", FlashNormExample.PAPER_SEQUENTIAL).put("paperDeferred", FlashNormExample.PAPER_DEFERRED)
                    .put("ourMatmul", e.ourMatmul()).put("ourStandard", e.ourStandard()).put("ourDeferred", e.ourDeferred())
                    .put("measuredInRtl", f.measured() != null);
        }
        ArrayNode sz = d.putArray("sizes");
        for (SizeRow s : r.sizes()) {
            Params p = s.params();
            ObjectNode o = sz.addObject().put("op", "rmsnorm").put("n", p.n()).put("m", p.m()).put("p", p.p()).put("q", p.q())
                    .put("c", p.c()).put("activationBufferBits", s.activationBufferBits()).put("weightBits", s.weightBits());
            for (Variant v : TopTiming.ORDER) {
                SynthStats st = s.stats().get(v);
                o.putObject(v.name().toLowerCase(Locale.ROOT)).put("cells", st.cells()).put("flipFlops", st.flipFlops())
                        .put("synthMillis", s.millis().get(v));
            }
        }
        return d;
    }

    private static ArrayNode timingJson(List<TimingRow> rows) {
        ArrayNode a = JSON.createArrayNode();
        for (TimingRow row : rows) {
            Params p = row.params();
            ObjectNode o = a.addObject().put("op", row.op().name().toLowerCase(Locale.ROOT)).put("n", p.n()).put("m", p.m())
                    .put("p", p.p()).put("q", p.q()).put("c", p.c());
            for (Variant v : TopTiming.ORDER) {
                MeasuredTiming t = row.of(v);
                o.putObject(v.name().toLowerCase(Locale.ROOT)).put("latency", t.latency())
                        .put("cyclesPerToken", t.cyclesPerToken()).put("scheduleLatency", t.scheduleLatency())
                        .put("scheduleCyclesPerToken", t.scheduleCyclesPerToken());
            }
        }
        return a;
    }

    /** Replaces (or appends) the Datapaths section of {@code md}; sets the {@code datapaths} key of {@code jsonFile}. */
    static void write(Path md, Path jsonFile, Results r) throws IOException {
        String old = Files.exists(md) ? Files.readString(md, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        Files.writeString(md, replaceSection(old, markdown(r)), StandardCharsets.UTF_8);
        ObjectNode root = JSON.createObjectNode();
        if (Files.exists(jsonFile)) {
            JsonNode existing = JSON.readTree(jsonFile.toFile());
            if (existing instanceof ObjectNode o) root = o;
        }
        root.set("datapaths", json(r));
        Files.createDirectories(jsonFile.toAbsolutePath().getParent());
        Files.writeString(jsonFile, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    /** {@code doc} with the text between the Datapaths markers (markers included) replaced by {@code section}. */
    static String replaceSection(String doc, String section) {
        int b = doc.indexOf(BEGIN);
        int e = doc.indexOf(END, Math.max(b, 0));
        if (b >= 0 && e > b) {
            int after = e + END.length() + (doc.startsWith("\n", e + END.length()) ? 1 : 0);
            return doc.substring(0, b) + section + doc.substring(after);
        }
        return doc + (doc.endsWith("\n\n") ? "" : doc.endsWith("\n") ? "\n" : "\n\n") + section;
    }

    private static String size(SynthStats s) {
        return String.format(Locale.ROOT, "%,d / %,d", s.cells(), s.flipFlops());
    }

    private static String secs(long millis) {
        return String.format(Locale.ROOT, "%.0f s", millis / 1000.0);
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * f);
    }
}
