package defernorm.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.accel.tops.TopGenerator;
import defernorm.cosim.Engine;
import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;
import defernorm.golden.system.Topology;
import defernorm.testbench.report.SystemSection;
import defernorm.testbench.sweep.CosimPointRunner;
import defernorm.testbench.sweep.PointResult;
import defernorm.testbench.sweep.ShardSpec;
import defernorm.testbench.sweep.SweepGrid;
import defernorm.testbench.sweep.SweepMerge;
import defernorm.testbench.sweep.SweepRunner;
import defernorm.testbench.sweep.SystemFindings;
import defernorm.testbench.sweep.SystemRow;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system benchmark (issue 10): the grid 3 ops × 3 variants × T {1, 2, 4, 8, 16} × ring/tree × H {1, 10, 100}
 * at a fixed total n = 256, m = 32, P×Q = 4×4 per tile (T·P divides n up to T = 16), each point built, co-simulated
 * on the built-in engine with every cycle checked against the golden model. Then the same grid again in 4
 * slices ({@code --shard i/4}), merged, and compared byte for byte with the unsharded file.
 * Asserted: every point passes with measured = predicted latency; T = 1 is today's single top; deferred =
 * matmul-only + the op's fixed extra + max(0, L_ar − hiding limit). Writes the "System" section of
 * docs/benchmarks.md, the {@code system} key of rtl-out/bench.json, rtl-out/system-sweep.jsonl and
 * rtl-out/system.html. {@code -Ddefernorm.bench.system.tiles=1,2} narrows T (for a quick look; the
 * document then says so).
 */
@Tag("bench")
class SystemSweepBench {
    static final int N = 256;
    static final int M = 32;
    static final int P = 4;
    static final int Q = 4;
    static final int SLICES = 4;

    @Test
    void sweepsTheSystemGridAndChecksTheShardedRun(@TempDir Path tmp) throws Exception {
        long t0 = System.nanoTime();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        String machine = cores + " cores, load average " + String.format(Locale.ROOT, "%.1f", load) + " at start, Java "
                + System.getProperty("java.version");
        List<Integer> tiles = Arrays.stream(System.getProperty("defernorm.bench.system.tiles", "1,2,4,8,16").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        SweepGrid grid = new SweepGrid(List.of(Op.values()), List.of(Variant.values()), tiles, List.of(Topology.RING, Topology.TREE),
                List.of(1, 10, 100), List.of(N), List.of(M), List.of(P), List.of(Q), 64, 3, 1L, Engine.BUILTIN);
        assertTrue(grid.size() >= 100 || !tiles.equals(List.of(1, 2, 4, 8, 16)), "the shard check needs at least 100 points");

        StringBuilder whole = new StringBuilder();
        List<PointResult> results = SweepRunner.run(grid, ShardSpec.ALL, cores, new CosimPointRunner(grid),
                l -> whole.append(l).append('\n'), r -> {});
        double wholeSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        List<Path> slices = new ArrayList<>();
        for (int i = 0; i < SLICES; i++) {
            StringBuilder slice = new StringBuilder();
            SweepRunner.run(grid, new ShardSpec(i, SLICES), cores, new CosimPointRunner(grid), l -> slice.append(l).append('\n'), r -> {});
            Path f = tmp.resolve("slice" + i + ".jsonl");
            Files.writeString(f, slice, StandardCharsets.UTF_8);
            slices.add(f);
        }
        String merged = SweepMerge.text(SweepMerge.merge(slices));
        double shardSeconds = (System.nanoTime() - t1) / 1e9;
        assertEquals(whole.toString(), merged, "4 slices merged = the unsharded run, byte for byte");

        for (PointResult r : results) {
            assertTrue(r.passed(), r.point().id() + ": " + r.problem());
            assertEquals(r.predictedLatency(), r.latency(), r.point().id() + ": measured = golden-predicted");
            if (r.point().tiles() == 1) {
                assertEquals(TopGenerator.schedule(r.point().op(), r.point().variant(), r.point().params()).tokenLatency(), r.latency(),
                        r.point().id() + " is today's single top");
            }
        }
        List<SystemRow> rows = SystemFindings.rows(results);
        for (SystemRow row : rows) {
            long extra = SystemFindings.fixedExtra(rows, row.op()).orElseThrow();
            long over = Math.max(0, row.collectiveCycles() - row.hidingLimit());
            assertEquals(extra + over, (long) row.deferredOverMatmul(),
                    row.op() + " " + row.where() + ": deferred = matmul-only + fixed extra + max(0, L_ar - hiding limit)");
        }

        Path root = projectRoot();
        Files.createDirectories(root.resolve("rtl-out"));
        Files.writeString(root.resolve("rtl-out/system-sweep.jsonl"), whole, StandardCharsets.UTF_8);
        SystemSection.writePage(root.resolve("rtl-out"), results);
        SystemSweepReport.Results out = new SystemSweepReport.Results(date, machine, grid, results, wholeSeconds, shardSeconds,
                SLICES, sha256(whole.toString()));
        SystemSweepReport.write(root.resolve("docs/benchmarks.md"), root.resolve("rtl-out/bench.json"), out);
        System.out.println(SystemSweepReport.markdown(out));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
    }
}
