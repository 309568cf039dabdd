package defernorm.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.accel.tops.TopGenerator;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.FlashNormExample;
import defernorm.testbench.job.Sweeps;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The datapath benchmark, three parts, written to the "Datapaths" section of docs/benchmarks.md and the
 * {@code datapaths} key of rtl-out/bench.json:
 * <ol>
 *   <li>at the default shape (n = 64, m = 32, P×Q = 8×4), the latency of the three variants of each op as the
 *       collective latency C goes from 0 to 2H (H: the deferred top's hiding limit), measured in RTL, with
 *       deferred = matmul-only + (final scale − output stage) (+ the exp front for softmax) asserted for C ≤ H;</li>
 *   <li>FlashNorm's shape (RMSNorm, n = m = 64, P = Q = 16, C = 0) beside the paper's 24 / 17 / 16;</li>
 *   <li>steady-state cycles per token at the default and the Llama shape (n = m = 4096, 32×32; from the
 *       Schedule, too large to simulate here), and up to which C standard keeps the matmul's rate.</li>
 * </ol>
 * {@code -Ddefernorm.bench.rtl=false} skips the simulations and writes the Schedule's figures alone.
 */
@Tag("bench")
class DatapathBench {
    static final Params DEFAULT = new Params(64, 32, 8, 4, 0);
    static final Params LLAMA = new Params(4096, 4096, 32, 32, 0);

    @Test
    void measuresTheDatapathsAndWritesTheReport() throws Exception {
        long t0 = System.nanoTime();
        boolean rtl = Boolean.parseBoolean(System.getProperty("defernorm.bench.rtl", "true"));
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String machine = machine();

        List<TimingRow> cSweep = new ArrayList<>();
        for (Op op : Op.values()) {
            long h = TopGenerator.schedule(op, Variant.DEFERRED, DEFAULT).hidingLimit();
            for (int c : Sweeps.cValues(h)) {
                TimingRow row = TimingRow.of(op, DEFAULT.withC(c), rtl);
                long over = Math.max(0, c - h);
                assertEquals(row.latency(Variant.MATMUL) + row.deferredExtra() + over, row.latency(Variant.DEFERRED),
                        "deferred = matmul + final scale - output (+ exp front) + max(0, C - H) at " + op + " C=" + c + ", H=" + h);
                assertTrue(row.latency(Variant.STANDARD) > row.latency(Variant.DEFERRED), "standard is slower at " + op + " C=" + c);
                cSweep.add(row);
            }
        }

        // the paper's other shape, nf = 512 on 128 x 128 MACs, is beyond the largest array the tops build
        FlashNormExample flashShape = FlashNormExample.of(TopGenerator::depths, 64, 16);
        List<FlashNormRow> flash = List.of(new FlashNormRow(flashShape, TimingRow.of(Op.RMSNORM, flashShape.params(), rtl)));

        List<RateRow> rates = new ArrayList<>();
        for (Params shape : List.of(DEFAULT, LLAMA)) {
            for (Op op : Op.values()) {
                long limit = RateRow.standardRateLimit(op, shape);
                for (long c : new TreeSet<>(List.of(0L, Math.max(0, limit), Math.max(0, limit + 1)))) {
                    RateRow r = RateRow.ofBuildable(op, shape.withC((int) Math.min(c, Integer.MAX_VALUE)));
                    if (r == null) continue;   // a collective longer than the tops can build: the limit column still says it
                    assertEquals(c <= limit, r.standard() == r.matmul(), "standard at the matmul rate iff C <= " + limit + " at " + op + " " + r.params());
                    rates.add(r);
                }
            }
        }

        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        DatapathReport.Results results = new DatapathReport.Results(date, machine, rtl, cSweep, flash, rates, seconds);
        Path root = projectRoot();
        DatapathReport.write(root.resolve("docs/benchmarks.md"), root.resolve("rtl-out/bench.json"), results);
        System.out.println(DatapathReport.markdown(results));
    }

    @Test
    void replacesOnlyItsOwnSection() {
        String sim = "<!-- bench:simulators:begin -->\nS\n<!-- bench:simulators:end -->\n";
        String once = DatapathReport.replaceSection("# Benchmarks\n\n" + sim, "<!-- bench:datapaths:begin -->\nA\n<!-- bench:datapaths:end -->\n");
        String twice = DatapathReport.replaceSection(once, "<!-- bench:datapaths:begin -->\nB\n<!-- bench:datapaths:end -->\n");
        assertEquals("# Benchmarks\n\n" + sim + "\n<!-- bench:datapaths:begin -->\nB\n<!-- bench:datapaths:end -->\n", twice);
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
    }

    private static String machine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return Runtime.getRuntime().availableProcessors() + " cores, load average "
                + String.format(Locale.ROOT, "%.1f", load) + " at start, Java " + System.getProperty("java.version");
    }
}
