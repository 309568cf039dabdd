package defernorm.testbench.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import defernorm.accel.tops.TopGenerator;
import defernorm.golden.model.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the Llama-scale benchmark: a markdown table (printed; the lead pastes it into docs/benchmarks.md) and
 * the {@code llama} key of rtl-out/bench.json, one sub-key per engine so that each engine's run keeps the other's.
 */
final class LlamaReport {
    static final String COMMAND = "mvn -B -q -o test -pl testbenches -am -Ddefernorm.excludedGroups=none -Dgroups=bench "
            + "-Dtest=LlamaScaleBench -Dsurefire.failIfNoSpecifiedTests=false";

    private LlamaReport() {}

    /** One row per run; "− matmul-only" against the matmul-only run of the same op on the same engine. */
    static String markdown(List<LlamaRun> runs) {
        StringBuilder m = new StringBuilder();
        m.append("| op | engine | variant | C | H | latency | Schedule | − matmul-only | cycles simulated | wall s | CPU s | peak heap MB | build s (CPU s) |\n");
        m.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LlamaRun r : runs) {
            m.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %d | %d | %s | %,d | %.1f | %.1f | %d | %s |%n",
                    name(r.op()), name(r.engine()), name(r.variant()), r.params().c(),
                    r.variant() == Variant.DEFERRED ? Long.toString(hidingLimit(r)) : "",
                    r.latency(), r.scheduleLatency(),
                    r.variant() == Variant.MATMUL ? "" : String.format(Locale.ROOT, "%+d", r.latency() - matmul(runs, r)),
                    r.cycles(), r.wallSeconds(), r.cpuSeconds(), r.peakHeapBytes() >> 20,
                    r.buildSeconds() == 0 ? "" : String.format(Locale.ROOT, "%.0f (%.0f)", r.buildSeconds(), r.buildCpuSeconds())));
        }
        return m.toString();
    }

    /** The latency of the matmul-only run of {@code r}'s op on {@code r}'s engine (every op has one; asserted). */
    static long matmul(List<LlamaRun> runs, LlamaRun r) {
        return runs.stream().filter(x -> x.op() == r.op() && x.engine() == r.engine() && x.variant() == Variant.MATMUL)
                .findFirst().orElseThrow(() -> new IllegalStateException("no matmul-only run of " + r.op())).latency();
    }

    /** The deferred top's hiding limit H at {@code r}'s shape. */
    static long hidingLimit(LlamaRun r) {
        return TopGenerator.schedule(r.op(), Variant.DEFERRED, r.params()).hidingLimit();
    }

    /** Sets {@code llama.<engine>} of {@code jsonFile} to these runs. */
    static void write(Path jsonFile, String engine, String date, String machine, List<LlamaRun> runs)
            throws IOException {
        ObjectNode llama = BenchJson.get(jsonFile, "llama");
        llama.put("command", COMMAND);
        ObjectNode e = llama.putObject(engine).put("date", date).put("machine", machine).put("tokens", LlamaRun.TOKENS);
        ArrayNode rows = e.putArray("runs");
        for (LlamaRun r : runs) {
            ObjectNode o = rows.addObject().put("op", name(r.op())).put("variant", name(r.variant()))
                    .put("n", r.params().n()).put("m", r.params().m()).put("p", r.params().p()).put("q", r.params().q())
                    .put("c", r.params().c()).put("latency", r.latency()).put("scheduleLatency", r.scheduleLatency())
                    .put("minusMatmul", r.latency() - matmul(runs, r)).put("configCycles", r.configCycles())
                    .put("streamCycles", r.streamCycles()).put("mismatches", r.mismatches())
                    .put("wallSeconds", r.wallSeconds()).put("cpuSeconds", r.cpuSeconds()).put("peakHeapBytes", r.peakHeapBytes());
            if (r.variant() == Variant.DEFERRED) o.put("H", hidingLimit(r));
            if (r.buildSeconds() > 0) o.put("buildSeconds", r.buildSeconds()).put("buildCpuSeconds", r.buildCpuSeconds());
        }
        BenchJson.put(jsonFile, "llama", llama);
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
