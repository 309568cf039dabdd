package defernorm.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.cosim.bench.MacArray;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written references of {@link EmittedVerilogBench} compute what our emitted Verilog computes:
 * both driven by the same random inputs under Verilator for a few thousand cycles give the same checksum
 * of every output of every cycle, and Icarus Verilog, given each version with the same stimulus, gives that
 * checksum too. (The 16×16 array is checked by the bench itself, over millions of cycles, and under Icarus.)
 * The matmul-only top is configured first and then streams tokens with random gaps and backpressure
 * ({@link VerilogSpeedCase#matmulTop}): 5,000 cycles carry about 70 tokens through every unit (544 output beats, 76 lanes saturated).
 */
class HandWrittenVerilogTest {
    @TempDir Path tmp;

    @Test void macArray4x4TreeMatchesOurs() throws Exception { check(VerilogSpeedCase.macArray(4, 4, MacArray.ColumnSum.TREE)); }

    @Test void macArray4x4ChainMatchesOurs() throws Exception { check(VerilogSpeedCase.macArray(4, 4, MacArray.ColumnSum.CHAIN)); }

    @Test void adderTree64MatchesOurs() throws Exception { check(VerilogSpeedCase.adderTree(64)); }

    @Test void matmulTopMatchesOurs() throws Exception { check(VerilogSpeedCase.matmulTop()); }

    private void check(VerilogSpeedCase c) throws Exception {
        SpeedPair pair = SpeedPair.build(c, tmp.resolve(c.name()));
        SpeedBuild.Run ours = pair.ours().run(5_000);
        SpeedBuild.Run hand = pair.handWritten().run(5_000);
        assertEquals(ours.checksum(), hand.checksum(), c.name() + ": hand-written Verilog differs from ours");
        assertEquals(ours.checksum(), IcarusSpeedCheck.checksum(c, pair.handWritten().sourceDir(), tmp.resolve("icarus-hand"), 5_000),
                c.name() + ": the hand-written Verilog under Icarus differs from ours under Verilator");
        assertEquals(ours.checksum(), IcarusSpeedCheck.checksum(c, pair.ours().sourceDir(), tmp.resolve("icarus-ours"), 5_000),
                c.name() + ": our Verilog under Icarus differs from ours under Verilator");
    }
}
