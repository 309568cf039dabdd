package defernorm.testbench.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The "elaboration" section of docs/benchmarks.md and the {@code elaboration} list of rtl-out/bench.json. */
final class ElaborationReport {
    static final String COMMAND = "make bench   # this section alone: mvn -B -o -pl testbenches -am test "
            + "-Ddefernorm.excludedGroups=none -Dgroups=bench -Dtest=ElaborationBench -Dsurefire.failIfNoSpecifiedTests=false";
    /** Chisel 6.6 + firtool, cold JVM, from issue 12 (not measured here: Chisel is not installed on this machine). */
    private static final Map<String, String> CHISEL_FROM_ISSUE = Map.of("mac4x4", "5.4 s", "mac16x16", "6.3 s (3.4–3.7 s quiet)");
    private static final List<String> HEADLINE = List.of("empty", "mac4x4", "mac16x16", "mac64x64", "adder1024");

    private ElaborationReport() {}

    static String markdown(String run, List<ElaborationRow> rows) {
        StringBuilder m = new StringBuilder(BenchDoc.begin("elaboration")).append("\n## Elaboration\n\n");
        m.append("Command: `").append(COMMAND).append("`  \n");
        m.append("Run: ").append(run).append(" runs per figure.\n\n");
        m.append("Each run is a fresh JVM (`java -cp hdl.jar:designs.jar:runner.jar ElaborationRun <design> <dir>`, the language's ")
                .append("jar packed as its artifact is, entries stored uncompressed) that builds ")
                .append("the design (the user's constructor: every operation checked, with its source line), elaborates it ")
                .append("(`Elaborator.elaborate`: lowering, naming, all checks) and emits its Verilog into a directory ")
                .append("(`VerilogEmitter.emit` + `writeTo`). Cold wall: the whole process, JVM start to exit. Process CPU: ")
                .append("all its threads (JIT and GC included) up to the end of emission. Main-thread CPU: the main thread's ")
                .append("alone up to the end of emission, the JVM's start on it included (Linux `/proc/thread-self/schedstat`): on ")
                .append("this shared 2-core machine, where the JIT's threads and other sessions compete for the cores, it is the ")
                .append("steadiest figure. Peak heap: the heap pools' peaks summed (an upper bound). **AOT cache**: the same ")
                .append("command with `-XX:AOTCache=elaboration.aot`, a JDK 25 AOT cache (JEP 483/514: classes loaded and linked, ")
                .append("lambdas resolved, method profiles) recorded by one training run on the 4×4 MAC array ")
                .append("(`-XX:AOTCacheOutput=elaboration.aot`), what a user gets by recording a cache from one run of their own program. ")
                .append("**AOT cache + short-run flags**: the cache plus `").append(String.join(" ", ElaborationJvm.Setup.AOT_CACHE_SHORT_RUN_FLAGS.flags))
                .append("` (C1 only, serial GC), the setup docs/guide.md recommends for elaboration programs; not the JVM's default.\n\n");
        m.append("| design | IR nodes | cold wall | build | elaborate | emit | process CPU | main-thread CPU | peak heap | cold wall, AOT cache ")
                .append("| process CPU, AOT cache | main-thread CPU, AOT cache | cold wall, AOT cache + short-run flags ")
                .append("| process CPU, AOT cache + short-run flags | Chisel 6.6 + firtool, cold (from issue 12) |\n");
        m.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (ElaborationRow r : rows) {
            if (!HEADLINE.contains(r.design())) continue;
            ElaborationJvm.Sample p = r.plain(), a = r.aotCache(), f = r.shortRunFlags();
            boolean empty = r.design().equals("empty");
            m.append("| ").append(r.title()).append(" | ").append(empty ? "" : p.nodes()).append(" | ").append(ms(p.wallMs()))
                    .append(" | ").append(empty ? "" : ns(p.buildNs())).append(" | ").append(empty ? "" : ns(p.elaborateNs()))
                    .append(" | ").append(empty ? "" : ns(p.emitNs())).append(" | ").append(empty ? "" : ns(p.cpuNs()))
                    .append(" | ").append(mainCpu(p)).append(" | ").append(empty ? "" : mb(p.peakHeapBytes()))
                    .append(" | ").append(ms(a.wallMs())).append(" | ").append(empty ? "" : ns(a.cpuNs()))
                    .append(" | ").append(mainCpu(a)).append(" | ").append(ms(f.wallMs()))
                    .append(" | ").append(empty ? "" : ns(f.cpuNs())).append(" | ")
                    .append(CHISEL_FROM_ISSUE.getOrDefault(r.design(), "")).append(" |\n");
        }
        m.append("\nTarget (issue 12): a 16×16 array cold in ≤ 0.35 s, a tenth of Chisel's. ").append(verdict(rows))
                .append(" The Chisel figures are the issue's, measured elsewhere; Chisel is not installed here.\n\n");
        m.append("### Growth with size\n\nBuild + elaborate + emit inside the cold JVM (wall), and the process's CPU time, ")
                .append("per IR node of the result: the fixed cost of a cold start spreads as designs grow.\n\n");
        m.append("| design | IR nodes | build + elaborate + emit | per node | process CPU | per node | process CPU, AOT cache | per node |\n");
        m.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ElaborationRow r : rows) {
            if (r.design().equals("empty")) continue;
            long p = work(r.plain()), n = r.plain().nodes();
            m.append("| ").append(r.title()).append(" | ").append(n).append(" | ").append(ns(p)).append(" | ")
                    .append(us(p / n)).append(" | ").append(ns(r.plain().cpuNs())).append(" | ").append(us(r.plain().cpuNs() / n))
                    .append(" | ").append(ns(r.aotCache().cpuNs())).append(" | ").append(us(r.aotCache().cpuNs() / n)).append(" |\n");
        }
        return m.append(BenchDoc.end("elaboration")).append('\n').toString();
    }

    /** Which setups bring the 16×16 array's cold wall within the target, from this run's medians. */
    private static String verdict(List<ElaborationRow> rows) {
        ElaborationRow r = rows.stream().filter(x -> x.design().equals("mac16x16")).findFirst().orElse(null);
        if (r == null) return "";
        StringBuilder v = new StringBuilder("This run, 16×16 cold wall: ");
        for (ElaborationJvm.Setup s : ElaborationJvm.Setup.values()) {
            long ms = r.medians().get(s).wallMs();
            v.append(label(s)).append(' ').append(ms(ms)).append(ms <= 350 ? " (met)" : " (not met)")
                    .append(s.ordinal() + 1 < ElaborationJvm.Setup.values().length ? ", " : ".");
        }
        return v.toString();
    }

    private static String label(ElaborationJvm.Setup s) {
        return switch (s) {
            case PLAIN -> "plain JVM";
            case AOT_CACHE -> "AOT cache";
            case AOT_CACHE_SHORT_RUN_FLAGS -> "AOT cache + short-run flags";
        };
    }

    static ArrayNode json(List<ElaborationRow> rows) {
        ArrayNode list = BenchJson.JSON.createArrayNode();
        for (ElaborationRow r : rows) {
            for (ElaborationJvm.Setup setup : ElaborationJvm.Setup.values()) {
                ElaborationJvm.Sample s = r.medians().get(setup);
                ObjectNode o = list.addObject();
                o.put("design", r.design());
                o.put("setup", setup.name());
                o.put("aotCache", setup != ElaborationJvm.Setup.PLAIN);
                o.put("jvmFlags", String.join(" ", setup.flags));
                o.put("nodes", s.nodes());
                o.put("wallMs", s.wallMs());
                o.put("buildMs", s.buildNs() / 1e6);
                o.put("elaborateMs", s.elaborateNs() / 1e6);
                o.put("emitMs", s.emitNs() / 1e6);
                o.put("cpuMs", s.cpuNs() / 1e6);
                o.put("mainThreadCpuMs", s.mainCpuNs() / 1e6);
                o.put("peakHeapBytes", s.peakHeapBytes());
            }
        }
        return list;
    }

    static void write(Path md, Path jsonFile, String run, List<ElaborationRow> rows) throws IOException {
        String doc = Files.exists(md) ? Files.readString(md, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        Files.writeString(md, BenchDoc.replaceSection(doc, "elaboration", markdown(run, rows)), StandardCharsets.UTF_8);
        BenchJson.put(jsonFile, "elaboration", json(rows));
    }

    private static long work(ElaborationJvm.Sample s) { return s.buildNs() + s.elaborateNs() + s.emitNs(); }

    /** The main thread's CPU time, or "n/a" where the OS does not report it (ElaborationRun reads Linux's /proc). */
    private static String mainCpu(ElaborationJvm.Sample s) { return s.mainCpuNs() < 0 ? "n/a" : ns(s.mainCpuNs()); }

    private static String ms(long millis) { return String.format(Locale.ROOT, "%.2f s", millis / 1e3); }

    private static String ns(long nanos) { return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6); }

    private static String us(long nanos) { return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3); }

    private static String mb(long bytes) { return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6); }
}
