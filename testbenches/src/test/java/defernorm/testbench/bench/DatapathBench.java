package defernorm.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.FlashNormExample;
import defernorm.hdl.emit.SynthResult;
import defernorm.hdl.emit.SynthStats;
import defernorm.hdl.emit.Tool;
import defernorm.hdl.emit.ToolChecks;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.ir.Design;
import defernorm.testbench.dut.Tops;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The datapath benchmark: latency and cycles per token of standard / deferred / matmul-only as n and C grow
 * at a few P&times;Q (measured in RTL, each equal to the golden Schedule), FlashNorm's worked example beside
 * ours, and Yosys sizes of the three RMSNorm tops where the activation buffer matters. Writes the
 * "Datapaths" section of docs/benchmarks.md and the {@code datapaths} key of rtl-out/bench.json.
 * Yosys runs on two background threads while the simulations run. The synthesis sizes (n values) can be
 * changed with {@code -Ddefernorm.bench.synthN=16,128,512} (the default;
 * about 5 minutes in all on 2 busy cores, most of it synthesizing n = 512).
 */
@Tag("bench")
class DatapathBench {
    private static final int[][] PQ = {{4, 4}, {8, 8}, {8, 4}};
    private static final int M = 512;
    private static final int[] N_SWEEP = {16, 64, 256};
    private static final int N_SWEEP_C = 8;
    private static final int[] C_SWEEP = {0, 8, 32, 128};
    private static final int C_SWEEP_N = 64;

    @TempDir Path tmp;

    @Test
    void measuresTimingAndSizeAndWritesTheReport() throws Exception {
        long t0 = System.nanoTime();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String machine = machine();
        boolean yosys = ToolChecks.skipReason(Tool.YOSYS).isEmpty();
        ExecutorService synth = Executors.newFixedThreadPool(2);
        try {
            List<Map<Variant, Future<Synth>>> pending = new ArrayList<>();
            List<Params> sizes = new ArrayList<>();
            if (yosys) {
                for (int n : synthSizes()) {
                    Params p = new Params(n, 8, 4, 2, 2);
                    sizes.add(p);
                    Map<Variant, Future<Synth>> byVariant = new EnumMap<>(Variant.class);
                    for (Variant v : TopTiming.ORDER) byVariant.put(v, synth.submit(() -> synthesize(v, p)));
                    pending.add(byVariant);
                }
            }

            List<TimingRow> nSweep = new ArrayList<>();
            List<TimingRow> cSweep = new ArrayList<>();
            for (int[] pq : PQ) {
                for (int n : N_SWEEP) nSweep.add(TimingRow.measure(Op.RMSNORM, new Params(n, M, pq[0], pq[1], N_SWEEP_C)));
                for (int c : C_SWEEP) cSweep.add(TimingRow.measure(Op.RMSNORM, new Params(C_SWEEP_N, M, pq[0], pq[1], c)));
            }
            List<TimingRow> otherOps = List.of(
                    TimingRow.measure(Op.LAYERNORM, new Params(64, M, 8, 4, 8)),
                    TimingRow.measure(Op.SOFTMAX, new Params(64, M, 8, 4, 8)));
            for (List<TimingRow> rows : List.of(nSweep, cSweep)) {
                for (TimingRow r : rows) {
                    assertTrue(r.of(Variant.STANDARD).latency() > r.of(Variant.DEFERRED).latency(), "standard is slower at " + r.params());
                }
            }

            List<FlashNormRow> flash = List.of(flashNorm(FlashNormExample.of(64, 16), true), flashNorm(FlashNormExample.of(512, 128), false));

            List<SizeRow> sizeRows = new ArrayList<>();
            for (int i = 0; i < sizes.size(); i++) {
                Map<Variant, SynthStats> stats = new EnumMap<>(Variant.class);
                Map<Variant, Long> millis = new EnumMap<>(Variant.class);
                for (Map.Entry<Variant, Future<Synth>> e : pending.get(i).entrySet()) {
                    Synth s = get(e.getValue());
                    stats.put(e.getKey(), s.stats());
                    millis.put(e.getKey(), s.millis());
                }
                sizeRows.add(new SizeRow(sizes.get(i), stats, millis));
            }
            for (SizeRow s : sizeRows) {
                assertTrue(s.stats().get(Variant.STANDARD).flipFlops() >= s.activationBufferBits(),
                        "standard holds at least its activation buffer in flip-flops at " + s.params());
            }

            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            DatapathReport.Results results = new DatapathReport.Results(date, machine, nSweep, cSweep, otherOps, flash, sizeRows, seconds);
            Path root = projectRoot();
            DatapathReport.write(root.resolve("docs/benchmarks.md"), root.resolve("rtl-out/bench.json"), results);
            System.out.println(DatapathReport.markdown(results));
            if (!yosys) System.out.println("Yosys is not installed: the size table is empty.");
        } finally {
            // On a failure, stop the queued syntheses and any yosys this JVM started, so none outlives the test.
            synth.shutdownNow();
            ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/yosys") || c.equals("yosys")).orElse(false))
                    .forEach(ProcessHandle::destroy);
        }
    }

    @Test
    void replacesOnlyItsOwnSection() {
        String sim = "<!-- bench:simulators:begin -->\nS\n<!-- bench:simulators:end -->\n";
        String once = DatapathReport.replaceSection("# Benchmarks\n\n" + sim, "<!-- bench:datapaths:begin -->\nA\n<!-- bench:datapaths:end -->\n");
        String twice = DatapathReport.replaceSection(once, "<!-- bench:datapaths:begin -->\nB\n<!-- bench:datapaths:end -->\n");
        assertEquals("# Benchmarks\n\n" + sim + "\n<!-- bench:datapaths:begin -->\nB\n<!-- bench:datapaths:end -->\n", twice);
    }

    private record Synth(SynthStats stats, long millis) {}

    private Synth synthesize(Variant v, Params p) {
        Design d = Tops.design(Op.RMSNORM, v, p);
        Path out = tmp.resolve(d.top() + "-n" + p.n());
        VerilogEmitter.writeTo(out, VerilogEmitter.emit(d));
        long t0 = System.nanoTime();
        SynthResult r = ToolChecks.yosysSynth(out, d.top());
        assertTrue(r.passed(), d.top() + " at " + p + ": " + r);
        return new Synth(r.stats(), (System.nanoTime() - t0) / 1_000_000L);
    }

    private static FlashNormRow flashNorm(FlashNormExample ex, boolean simulate) {
        if (!simulate) return new FlashNormRow(ex, null);
        TimingRow row = TimingRow.measure(Op.RMSNORM, ex.params());
        assertEquals(ex.ourStandard(), row.of(Variant.STANDARD).latency(), "FlashNorm example standard");
        assertEquals(ex.ourDeferred(), row.of(Variant.DEFERRED).latency(), "FlashNorm example deferred");
        assertEquals(ex.ourMatmul(), row.of(Variant.MATMUL).latency(), "FlashNorm example matmul-only");
        return new FlashNormRow(ex, row);
    }

    private static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("synthesis failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static int[] synthSizes() {
        String s = System.getProperty("defernorm.bench.synthN", "16,128,512");
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).mapToInt(Integer::parseInt).toArray();
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
    }

    private static String machine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return Runtime.getRuntime().availableProcessors() + " cores, load average "
                + String.format(Locale.ROOT, "%.1f", load) + " at start, Java " + System.getProperty("java.version")
                + (Tool.YOSYS.isInstalled() ? ", " + yosysVersion() : "");
    }

    private static String yosysVersion() {
        try {
            Process p = new ProcessBuilder("yosys", "-V").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return out.replaceAll(" \\(git.*", "");
        } catch (Exception e) {
            return "Yosys";
        }
    }
}
