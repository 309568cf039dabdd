package defernorm.testbench.bench;

import static defernorm.cosim.bench.MacArray.ColumnSum.CHAIN;
import static defernorm.cosim.bench.MacArray.ColumnSum.TREE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.cosim.bench.Median;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Emitted Verilog against hand-written, firtool-style Verilog of the same designs under Verilator
 * ({@code make bench}): both built with the engine's flags and the same {@link SpeedHarness} loop, run
 * alternating back to back for several rounds (median rate of each, and the median of the rounds' ratios), with
 * equal checksums asserted (also
 * under Icarus Verilog, over a few hundred to thousands of cycles: {@link IcarusSpeedCheck}). Writes
 * the "verilog" section of docs/benchmarks.md and the {@code verilog} list of rtl-out/bench.json.
 */
@Tag("bench")
class EmittedVerilogBench {
    private static final double SECONDS_PER_RUN = Double.parseDouble(System.getProperty("bench.seconds", "2"));
    private static final int ROUNDS = Integer.getInteger("bench.verilog.rounds", 7);

    /** Where the builds go: a temporary directory, or {@code -Dbench.verilog.dir=...} to keep them (to read the C++). */
    @TempDir Path tmp;

    @Test void emittedVerilogAgainstHandWritten() throws Exception {
        List<VerilogSpeedRow> rows = new ArrayList<>();
        Path work = System.getProperty("bench.verilog.dir") != null ? Path.of(System.getProperty("bench.verilog.dir")) : tmp;
        for (VerilogSpeedCase c : List.of(VerilogSpeedCase.macArray(4, 4, TREE), VerilogSpeedCase.macArray(4, 4, CHAIN),
                VerilogSpeedCase.macArray(16, 16, TREE), VerilogSpeedCase.macArray(16, 16, CHAIN), VerilogSpeedCase.adderTree(64),
                VerilogSpeedCase.matmulTop())) {
            SpeedPair pair = SpeedPair.build(c, work.resolve(c.name()));
            SpeedBuild.Run probe = pair.ours().run(100_000);
            long n = Math.max(100_000, Math.min(200_000_000, (long) (probe.cyclesPerSecond() * SECONDS_PER_RUN)));
            List<Double> ours = new ArrayList<>(), hand = new ArrayList<>(), ratios = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {  // alternate which goes first: the machine is shared
                SpeedBuild first = round % 2 == 0 ? pair.ours() : pair.handWritten();
                SpeedBuild second = round % 2 == 0 ? pair.handWritten() : pair.ours();
                SpeedBuild.Run a = first.run(n), b = second.run(n);
                assertEquals(a.checksum(), b.checksum(), c.name() + ": hand-written and emitted Verilog disagree");
                SpeedBuild.Run o = first == pair.ours() ? a : b, h = first == pair.ours() ? b : a;
                ours.add(o.cyclesPerSecond());
                hand.add(h.cyclesPerSecond());
                ratios.add(o.cyclesPerSecond() / h.cyclesPerSecond());
            }
            // Icarus agrees with both (a few hundred cycles for the 16×16 array: Icarus runs it at ~300 cycles/s).
            long icarusCycles = c.icarusCycles();
            long verilator = pair.ours().run(icarusCycles).checksum();
            assertEquals(verilator, IcarusSpeedCheck.checksum(c, pair.handWritten().sourceDir(), work.resolve(c.name()).resolve("icarus-hand"), icarusCycles),
                    c.name() + ": the hand-written Verilog under Icarus differs from ours under Verilator");
            assertEquals(verilator, IcarusSpeedCheck.checksum(c, pair.ours().sourceDir(), work.resolve(c.name()).resolve("icarus-ours"), icarusCycles),
                    c.name() + ": our Verilog under Icarus differs from ours under Verilator");
            VerilogSpeedRow row = new VerilogSpeedRow(c.name(), c.title(), Median.of(ours), Median.of(hand), Median.of(ratios), n, ROUNDS,
                    pair.oursLines(), pair.handWrittenLines());
            System.out.println(row);
            rows.add(row);
        }
        Path root = projectRoot();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        VerilogSpeedReport.write(root.resolve("docs/benchmarks.md"), root.resolve("rtl-out/bench.json"), date, rows);
        System.out.println(VerilogSpeedReport.markdown(date, rows));
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
    }
}
