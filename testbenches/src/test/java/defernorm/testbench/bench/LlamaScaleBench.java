package defernorm.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.accel.tops.TopGenerator;
import defernorm.cosim.SimOptions;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Llama-scale benchmark: one attention projection of Llama-2-7B (n = m = 4096) on a 32×32 array, simulated
 * end to end for {@link LlamaRun#TOKENS} tokens at line rate with every cycle checked against the golden model.
 * On the built-in engine: RMSNorm and LayerNorm, deferred and standard at each C in {@link #C_VALUES} and
 * matmul-only once per op. On Verilator: RMSNorm at C = 1000 only (each C is a separate Verilog top, and a
 * build at this size takes minutes), built into a fresh cache so that the build is timed.
 * Asserted: measured latency = the Schedule's, deferred = matmul-only + 2 for C ≤ H, no mismatches; not the speeds.
 * Writes the {@code llama} key of rtl-out/bench.json and prints a markdown table.
 */
@Tag("bench")
class LlamaScaleBench {
    static final Params LLAMA = new Params(4096, 4096, 32, 32, 0);
    static final List<Integer> C_VALUES = List.of(0, 100, 500, 1000, 2000);
    static final List<Op> OPS = List.of(Op.RMSNORM, Op.LAYERNORM);
    /** What deferred adds to matmul-only while the collective is hidden (final scale over the output stage). */
    static final long DEFERRED_EXTRA = 2;

    @Test
    void builtinEngine() throws Exception {
        List<LlamaRun> runs = new ArrayList<>();
        for (Op op : OPS) {
            // the matmul-only top has no collective: its latency does not depend on C
            for (int c : C_VALUES) {
                assertEquals(schedule(op, Variant.MATMUL, 0), schedule(op, Variant.MATMUL, c), "matmul-only latency at C=" + c);
            }
            runs.add(run(op, Variant.MATMUL, 0, SimOptions.builtin()));
            for (int c : C_VALUES) {
                runs.add(run(op, Variant.DEFERRED, c, SimOptions.builtin()));
                runs.add(run(op, Variant.STANDARD, c, SimOptions.builtin()));
            }
        }
        assertRelations(runs);
        report("builtin", runs);
    }

    @Test
    void verilator() throws Exception {
        Path cache = Files.createTempDirectory("llama-verilator");
        SimOptions opts = SimOptions.verilator().withCacheDir(cache).withTimeout(Duration.ofMinutes(20));
        List<LlamaRun> runs = new ArrayList<>();
        for (Variant v : TopTiming.ORDER) runs.add(run(Op.RMSNORM, v, 1000, opts));
        assertRelations(runs);
        report("verilator", runs);
    }

    private static LlamaRun run(Op op, Variant v, int c, SimOptions opts) {
        LlamaRun r = LlamaRun.measure(op, v, LLAMA.withC(c), opts);
        System.out.printf(Locale.ROOT, "%s %s C=%d on %s: latency %d, %d cycles, %.1f s wall, %.1f s CPU, build %.0f s%n",
                op, v, c, opts.engine(), r.latency(), r.cycles(), r.wallSeconds(), r.cpuSeconds(), r.buildSeconds());
        return r;
    }

    private static void assertRelations(List<LlamaRun> runs) {
        for (LlamaRun r : runs) {
            String at = r.op() + " " + r.variant() + " C=" + r.params().c() + " on " + r.engine();
            assertEquals(r.scheduleLatency(), r.latency(), "latency = Schedule at " + at);
            assertEquals(0, r.mismatches(), "mismatches at " + at);
            long h = LlamaReport.hidingLimit(r);
            if (r.variant() == Variant.DEFERRED && r.params().c() <= h) {
                assertEquals(LlamaReport.matmul(runs, r) + DEFERRED_EXTRA, r.latency(), "deferred = matmul-only + 2 at " + at + ", H=" + h);
            }
            if (r.variant() == Variant.STANDARD) assertTrue(r.latency() > LlamaReport.matmul(runs, r) + DEFERRED_EXTRA, "standard is slower at " + at);
        }
    }

    private static long schedule(Op op, Variant v, int c) {
        return TopGenerator.schedule(op, v, LLAMA.withC(c)).tokenLatency();
    }

    private static void report(String engine, List<LlamaRun> runs) throws Exception {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String machine = Runtime.getRuntime().availableProcessors() + " cores, load average "
                + String.format(Locale.ROOT, "%.1f", load) + " at the end, Java " + System.getProperty("java.version");
        LlamaReport.write(projectRoot().resolve("rtl-out/bench.json"), engine, date, machine, runs);
        System.out.println("Llama-scale, " + engine + ", " + date + ", " + machine + "\n" + LlamaReport.markdown(runs));
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
    }
}
