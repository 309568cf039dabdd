package defernorm.cosim.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the simulator benchmark figures: the "Simulators" section of docs/benchmarks.md (replacing
 * only the text between its markers, so other sections stay) and rtl-out/bench.json.
 */
final class BenchReport {
    static final String COMMAND = "make bench   # = mvn -B -Ddefernorm.excludedGroups=none -Dgroups=bench "
            + "-Dsurefire.failIfNoSpecifiedTests=false test; this section alone: add -pl cosim -am -Dtest=SimulatorBench";
    private static final String BEGIN = "<!-- bench:simulators:begin -->";
    private static final String END = "<!-- bench:simulators:end -->";

    record Context(String date, String machine, int cores, String verilator, String icarus, long runtimeBuildMs) {}

    private BenchReport() {}

    static String markdown(Context ctx, List<CaseResult> results, List<CosimRecord> cosim, List<CoreSpeed> cores) {
        StringBuilder m = new StringBuilder();
        m.append(BEGIN).append("\n## Simulators\n\n");
        m.append("Command: `").append(COMMAND).append("`  \n");
        m.append("Run: ").append(ctx.date()).append(", ").append(ctx.machine()).append(", ")
                .append(ctx.verilator()).append(", ").append(ctx.icarus()).append(".\n\n");
        m.append("Cycles per second, each engine running the same xorshift stimulus on the same design in one run. ")
                .append("(a) Verilator with the stimulus loop in the generated C++ harness (the ceiling); ")
                .append("(b) Verilator in its isolated mode (child process) driven from Java in batch mode (writer thread ")
                .append("streaming ahead through pipes), Java checking ")
                .append("every output of every cycle against a Java model of the design; (c) the built-in engine with ")
                .append("the same batch and checks; (a) and (b) are the best of three interleaved runs and (c) the best of three (the machine is shared, and the first run of (c) is still being compiled by the JIT); (d) Icarus Verilog (`vvp`) on the same emitted Verilog with a generated testbench.\n\n");
        m.append("| design | (a) Verilator native | (b) Verilator from Java | (c) built-in | (d) Icarus | b/a | c/a | c/d |\n");
        m.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CaseResult r : results) {
            m.append("| ").append(r.title()).append(" | ").append(rate(r.nativeRate())).append(" | ")
                    .append(rate(r.batchRate())).append(" | ").append(rate(r.builtinRate())).append(" | ")
                    .append(rate(r.icarusRate())).append(" | ").append(ratio(r.bOverA())).append(" | ")
                    .append(ratio(r.cOverA())).append(" | ").append(ratio(r.cOverD())).append(" |\n");
        }
        m.append("\nCPU time per cycle (load-independent; the rates above are wall-clock on a shared machine):\n\n");
        m.append("| design | (a) harness | (b) harness | (b) JVM, all threads (stimulus, checking, pipes) | b/a bound on an idle machine |\n");
        m.append("|---|---:|---:|---:|---:|\n");
        for (CaseResult r : results) {
            m.append("| ").append(r.title()).append(" | ").append(ns(r.nativeCpuNs())).append(" | ")
                    .append(ns(r.batchChildCpuNs())).append(" | ").append(ns(r.batchJavaCpuNs())).append(" | ")
                    .append(ratio(idleBound(r, ctx.cores()))).append(" |\n");
        }
        m.append("\nThe bound: with the machine to itself, (b) can run no faster than its harness alone, nor faster than ")
                .append(ctx.cores()).append(" cores can supply its harness plus JVM CPU time per cycle; divided by (a)'s ")
                .append("rate (1 / its CPU time per cycle). It shows how much of the gap is the Java side's work (the stimulus ")
                .append("and the checking model are user code) and how much is this run's load.\n");
        m.append("\nBuild times (Verilator's runtime library, built once per cache and Verilator version: ")
                .append(ctx.runtimeBuildMs()).append(" ms):\n\n");
        m.append("| design | cold build (runtime cached) | cold build incl. runtime | cached: open to first answer | cached, fresh JVM: open to first cycle |\n");
        m.append("|---|---:|---:|---:|---:|\n");
        for (CaseResult r : results) {
            m.append("| ").append(r.title()).append(" | ").append(r.coldBuildMs()).append(" ms | ")
                    .append(r.coldBuildMs() + ctx.runtimeBuildMs()).append(" ms | ")
                    .append(r.cachedStartMs()).append(" ms | ")
                    .append(r.freshJvmStartMs() < 0 ? "failed" : r.freshJvmStartMs() + " ms").append(" |\n");
        }
        m.append("\nChecks in the same run: ");
        for (CaseResult r : results) {
            m.append(r.title()).append(": (b) checksum ").append(r.batchMatchesNative() ? "equals" : "DIFFERS FROM")
                    .append(" (a) over ").append(r.batchCycles()).append(" cycles; Icarus checksum ")
                    .append(r.icarusMatchesVerilator() ? "equals" : "DIFFERS FROM").append(" Verilator's over ")
                    .append(r.icarusCycles()).append(" cycles; built-in ")
                    .append(Double.isNaN(r.builtinRate()) ? "not run" : r.builtinMismatches() + " mismatching cycles")
                    .append(r.note().isEmpty() ? "" : " (" + r.note() + ")").append(". ");
        }
        m.append("\n\nCached start: the default (in-process) model; \"open to first answer\" in the benchmark's JVM ")
                .append("(Verilator located, JIT warm), \"fresh JVM\" in a new JVM from `Simulations.open` to the first ")
                .append("simulated cycle (emitting the Verilog, hashing, `verilator --version`, loading the library).\n");
        m.append("\nTargets: b/a ≥ 0.9; a cached model reaches its first cycle in a fresh JVM in under 1 s; c/d ≥ 50.\n");
        m.append(CosimTable.markdown(cosim, cores));
        m.append(END).append('\n');
        return m.toString();
    }

    static String json(Context ctx, List<CaseResult> results, List<CosimRecord> cosim, List<CoreSpeed> cores) {
        StringBuilder j = new StringBuilder("{\n  \"simulators\": {\n");
        j.append("    \"command\": ").append(str(COMMAND)).append(",\n");
        j.append("    \"date\": ").append(str(ctx.date())).append(",\n");
        j.append("    \"machine\": ").append(str(ctx.machine())).append(",\n");
        j.append("    \"verilator\": ").append(str(ctx.verilator())).append(",\n");
        j.append("    \"icarus\": ").append(str(ctx.icarus())).append(",\n");
        j.append("    \"runtimeBuildMs\": ").append(ctx.runtimeBuildMs()).append(",\n");
        j.append("    \"designs\": [\n");
        for (int i = 0; i < results.size(); i++) {
            CaseResult r = results.get(i);
            j.append("      {\"name\": ").append(str(r.name())).append(", \"title\": ").append(str(r.title()))
                    .append(",\n       \"cyclesPerSecond\": {\"verilatorNative\": ").append(num(r.nativeRate()))
                    .append(", \"verilatorJavaBatch\": ").append(num(r.batchRate()))
                    .append(", \"builtin\": ").append(num(r.builtinRate()))
                    .append(", \"icarus\": ").append(num(r.icarusRate())).append("},\n")
                    .append("       \"cycles\": {\"verilatorNative\": ").append(r.nativeCycles())
                    .append(", \"verilatorJavaBatch\": ").append(r.batchCycles())
                    .append(", \"builtin\": ").append(r.builtinCycles())
                    .append(", \"icarus\": ").append(r.icarusCycles()).append("},\n")
                    .append("       \"ratios\": {\"b_over_a\": ").append(num(r.bOverA()))
                    .append(", \"c_over_a\": ").append(num(r.cOverA()))
                    .append(", \"c_over_d\": ").append(num(r.cOverD())).append("},\n")
                    .append("       \"coldBuildMs\": ").append(r.coldBuildMs())
                    .append(", \"coldBuildWithRuntimeMs\": ").append(r.coldBuildMs() + ctx.runtimeBuildMs())
                    .append(", \"cachedStartMs\": ").append(r.cachedStartMs())
                    .append(", \"freshJvmStartMs\": ").append(r.freshJvmStartMs()).append(",\n")
                    .append("       \"cpuNsPerCycle\": {\"verilatorNativeHarness\": ").append(num(r.nativeCpuNs()))
                    .append(", \"verilatorJavaBatchHarness\": ").append(num(r.batchChildCpuNs()))
                    .append(", \"verilatorJavaBatchJvm\": ").append(num(r.batchJavaCpuNs()))
                    .append(", \"b_over_a_bound_idle\": ").append(num(idleBound(r, ctx.cores()))).append("},\n")
                    .append("       \"batchMatchesNative\": ").append(r.batchMatchesNative())
                    .append(", \"icarusMatchesVerilator\": ").append(r.icarusMatchesVerilator())
                    .append(", \"builtinMismatches\": ").append(r.builtinMismatches())
                    .append(", \"note\": ").append(str(r.note())).append("}")
                    .append(i + 1 < results.size() ? ",\n" : "\n");
        }
        j.append("    ]\n  },\n");
        j.append("  \"cosim\": ").append(CosimTable.json(cosim)).append(",\n");
        j.append("  \"cosimNativeByCore\": ").append(CosimTable.coresJson(cores)).append("\n}\n");
        return j.toString();
    }

    /** Replaces (or appends) the Simulators section of {@code md}, and writes {@code json}. */
    static void write(Path md, Path jsonFile, Context ctx, List<CaseResult> results, List<CosimRecord> cosim,
                      List<CoreSpeed> cores) throws IOException {
        String section = markdown(ctx, results, cosim, cores);
        String old = Files.exists(md) ? Files.readString(md, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        int b = old.indexOf(BEGIN);
        int e = old.indexOf(END);
        String updated = b >= 0 && e > b
                ? old.substring(0, b) + section + old.substring(e + END.length() + (old.startsWith("\n", e + END.length()) ? 1 : 0))
                : old + (old.endsWith("\n\n") ? "" : "\n") + section;
        Files.createDirectories(md.toAbsolutePath().getParent());
        Files.writeString(md, updated, StandardCharsets.UTF_8);
        Files.createDirectories(jsonFile.toAbsolutePath().getParent());
        Files.writeString(jsonFile, json(ctx, results, cosim, cores), StandardCharsets.UTF_8);
    }

    static String rate(double r) {
        if (Double.isNaN(r)) return "n/a";
        if (r >= 1e6) return String.format(Locale.ROOT, "%.2f M", r / 1e6);
        if (r >= 1e3) return String.format(Locale.ROOT, "%.1f k", r / 1e3);
        return String.format(Locale.ROOT, "%.0f", r);
    }

    /** min(1/harness, cores/(harness+JVM)) CPU-time rate of (b), over (a)'s 1/harness rate. */
    static double idleBound(CaseResult r, int cores) {
        double b = Math.min(1 / r.batchChildCpuNs(), cores / (r.batchChildCpuNs() + r.batchJavaCpuNs()));
        return b * r.nativeCpuNs();
    }

    private static String ns(double v) {
        return v == Double.MAX_VALUE || Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f ns", v);
    }

    static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) return "n/a";
        return r >= 10 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.2f", r);
    }

    static String num(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) || d == Double.MAX_VALUE ? "null" : String.format(Locale.ROOT, "%.4g", d);
    }

    static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
