package defernorm.cosim.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The co-simulation modes table of docs/benchmarks.md and bench.json's {@code "cosim"} list. */
final class CosimTable {
    static final List<String> ENGINES = List.of("builtin", "verilator-inprocess", "verilator-isolated");

    private CosimTable() {}

    static String markdown(List<CosimRecord> records, List<CoreSpeed> cores) {
        StringBuilder m = new StringBuilder("\n### Co-simulation modes\n\n");
        m.append("Cycles per second (the median of the rounds) and, in brackets, the ratio to the native C++ loop on the ")
                .append("same design: the median of the rounds' own ratios, each round a run and the native loop back to back ")
                .append("on the in-process model (the loop first in every other round), then the lowest and highest round's. ")
                .append("This machine's speed drifts by up to 2× over seconds, so only runs a second apart compare like ")
                .append("with like; the native column shows the loop beside the Verilator in-process runs. ")
                .append("Its two cores differ too (below), so each round simulates on one core, the loop and the run alike: ")
                .append("the calling thread, or in an in-process batch the model thread, whose calling thread fills and ")
                .append("observes on the other core (the isolated child is not pinned); rounds alternate between the cores ")
                .append("(`CorePlacement`). ")
                .append("**batch**: the block form of `runBatch` (one `long[]` per ")
                .append("port for a block of cycles) doing the native loop's own work from Java (the same xorshift stimulus, ")
                .append("every output folded into the same checksum, which equals the native loop's over the same cycles): ")
                .append("the fair comparison, the engine API's cost and nothing else. **reactive**: the same work one cycle ")
                .append("at a time: Java pokes each input through a `Port` handle, peeks each output and steps one cycle ")
                .append("(nothing streamed ahead), its checksum again equal to the native loop's. **batch+model** (the ")
                .append("per-cycle form, `Stimulus`/`Observer`) and **reactive+model** check every output against the Java ")
                .append("reference model instead (work the native loop does not do; markdown only, not in bench.json's ")
                .append("`cosim` list). Engines: built-in; Verilator in-process (the default: the model is a ")
                .append("shared library called through the FFM API); Verilator isolated (`SimOptions.withIsolation(true)`: ")
                .append("a child process behind pipes). Every run here checked every output of every cycle (checksum or model).\n\n");
        m.append("| design | mode | native | built-in | Verilator in-process | Verilator isolated |\n");
        m.append("|---|---|---:|---:|---:|---:|\n");
        Map<String, Map<String, CosimRecord>> rows = new LinkedHashMap<>();
        for (CosimRecord r : records) {
            rows.computeIfAbsent(r.design() + "/" + r.mode(), k -> new LinkedHashMap<>()).put(r.engine(), r);
        }
        for (Map<String, CosimRecord> row : rows.values()) {
            CosimRecord any = row.getOrDefault("verilator-inprocess", row.values().iterator().next());
            m.append("| ").append(any.design()).append(" | ").append(any.mode()).append(" | ")
                    .append(BenchReport.rate(any.nativeCyclesPerSecond()));
            for (String e : ENGINES) {
                CosimRecord r = row.get(e);
                m.append(" | ").append(r == null ? "n/a" : BenchReport.rate(r.cyclesPerSecond()) + " ("
                        + BenchReport.ratio(r.ratioToNative()) + "; " + BenchReport.ratio(r.lowestRatio()) + "–"
                        + BenchReport.ratio(r.highestRatio()) + ")" + (r.checked() ? "" : " MISMATCH"));
            }
            m.append(" |\n");
        }
        if (!cores.isEmpty()) {
            m.append("\nThe native loop by core (the median over the rounds on each): ");
            Map<String, List<CoreSpeed>> byDesign = new LinkedHashMap<>();
            for (CoreSpeed s : cores) byDesign.computeIfAbsent(s.design(), k -> new ArrayList<>()).add(s);
            List<String> designs = new ArrayList<>();
            byDesign.forEach((design, speeds) -> designs.add(design + " " + String.join(" / ", speeds.stream()
                    .map(s -> "CPU " + s.cpu() + " " + BenchReport.rate(s.nativeCyclesPerSecond())).toList())));
            m.append(String.join("; ", designs)).append(".\n");
        }
        m.append("\nTargets (issue 11): batch ≥ 0.9 of native; reactive ≥ 1 M cycles/s on the 4×4 MAC and ≥ 0.2 of ")
                .append("native on every design (Verilator in-process).\n");
        return m.toString();
    }

    /** The native loop's speed on each core, as a JSON list. */
    static String coresJson(List<CoreSpeed> cores) {
        return "[" + String.join(", ", cores.stream().map(s -> "{\"design\": " + BenchReport.str(s.design())
                        + ", \"cpu\": " + s.cpu()
                        + ", \"nativeCyclesPerSecond\": " + BenchReport.num(s.nativeCyclesPerSecond()) + "}")
                .toList()) + "]";
    }

    /** The schema: modes {@code batch} and {@code reactive} only. */
    static String json(List<CosimRecord> all) {
        List<CosimRecord> records = all.stream().filter(r -> r.mode().equals("batch") || r.mode().equals("reactive")).toList();
        StringBuilder j = new StringBuilder("[\n");
        for (int i = 0; i < records.size(); i++) {
            CosimRecord r = records.get(i);
            j.append("    {\"design\": ").append(BenchReport.str(r.design()))
                    .append(", \"mode\": ").append(BenchReport.str(r.mode()))
                    .append(", \"engine\": ").append(BenchReport.str(r.engine()))
                    .append(", \"cyclesPerSecond\": ").append(BenchReport.num(r.cyclesPerSecond()))
                    .append(", \"nativeCyclesPerSecond\": ").append(BenchReport.num(r.nativeCyclesPerSecond()))
                    .append(", \"ratioToNative\": ").append(BenchReport.num(r.ratioToNative()))
                    .append(", \"lowestRatio\": ").append(BenchReport.num(r.lowestRatio()))
                    .append(", \"highestRatio\": ").append(BenchReport.num(r.highestRatio()))
                    .append(", \"cycles\": ").append(r.cycles())
                    .append(", \"checked\": ").append(r.checked()).append("}")
                    .append(i + 1 < records.size() ? ",\n" : "\n");
        }
        return j.append("  ]").toString();
    }
}
