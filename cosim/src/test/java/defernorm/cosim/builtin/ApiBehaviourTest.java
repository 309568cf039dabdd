package defernorm.cosim.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.SimulationMismatch;
import defernorm.cosim.Simulations;
import defernorm.cosim.random.ModuleBuilder;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Node.BinaryOp;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** expect messages, batch mode, waveforms, and every error a user can cause. */
class ApiBehaviourTest {
    /** An 8-bit accumulator: acc += a each cycle; y = acc; wide = {acc, acc, ...} (512 bits). */
    private static Design accumulator() {
        ModuleBuilder m = new ModuleBuilder("acc8");
        String a = m.input("a", Type.uint(8));
        String acc = m.reg("acc", Type.uint(8), BigInteger.ZERO);
        m.connect(acc, m.slice(m.binary(BinaryOp.ADD, acc, a), 7, 0), null);
        m.debug(acc);
        m.output("y", acc);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 64; i++) parts.add(acc);
        m.output("wide", m.concat(parts));
        return new Design("acc8", List.of(m.build()));
    }

    private static Simulation open() { return Simulations.open(accumulator(), SimOptions.builtin()); }

    @Test
    void expectFailureNamesCycleNetValuesAndTheCallersLine() {
        try (Simulation sim = open()) {
            assertEquals(Engine.BUILTIN, sim.engine());
            sim.poke("a", 5);
            sim.step(2);
            SimulationMismatch e = assertThrows(SimulationMismatch.class, () -> sim.expect("y", 11));
            int line = new Throwable().getStackTrace()[0].getLineNumber() - 1;
            assertEquals("cycle 2: y was 10, expected 11 (expect at ApiBehaviourTest.java:" + line + ")", e.getMessage());
            assertEquals(2, e.cycle());
            assertEquals("y", e.net());
            assertEquals(BigInteger.valueOf(10), e.actual());
        }
    }

    @Test
    void batchDrivesSettlesObservesThenClocksEachCycle() {
        try (Simulation sim = open()) {
            sim.reset();
            List<Long> seen = new ArrayList<>();
            List<BigInteger> wide = new ArrayList<>();
            sim.runBatch(List.of("a"), List.of("y", "wide"), 5,
                    (c, row) -> row.set(0, c + 1),
                    (c, row) -> { seen.add(row.get(0)); wide.add(row.getBig(1)); });
            assertEquals(List.of(0L, 1L, 3L, 6L, 10L), seen);
            BigInteger rep = BigInteger.ZERO;
            for (int i = 0; i < 64; i++) rep = rep.shiftLeft(8).or(BigInteger.valueOf(6));
            assertEquals(rep, wide.get(3));
            assertEquals(6, sim.cycle());
            sim.expect("y", 15);
            sim.expect("a", 5);                 // the last driven input is held
        }
    }

    @Test
    void anObserverThrowingStopsTheBatchBeforeThatCyclesEdge() {
        try (Simulation sim = open()) {
            sim.poke("a", 1);
            RuntimeException stop = new RuntimeException("stop");
            RuntimeException e = assertThrows(RuntimeException.class, () -> sim.runBatch(List.of(), List.of("y"), 100, null,
                    (c, row) -> { if (row.get(0) == 3) throw stop; }));
            assertEquals(stop, e);
            assertEquals(3, sim.cycle());
            sim.expect("y", 3);
            sim.step();
            sim.expect("y", 4);
        }
    }

    @Test
    void batchRowsRejectBadValuesAndWideReadsAsLong() {
        try (Simulation sim = open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> sim.runBatch(List.of("a"), List.of(), 1, (c, row) -> row.set(0, 256), null));
            assertEquals("batch cycle 0: value 256 does not fit input 'a' of UInt(8) (range 0..255)", e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> sim.runBatch(List.of(), List.of("wide"), 1, null, (c, row) -> row.get(0)));
            assertEquals("'wide' is 512 bits wide; read it with getBig", e.getMessage());
        }
    }

    @Test
    void badNamesAndValuesGetOneClearSentence() {
        Simulation sim = open();
        {
            assertEquals("the design has no input port named 'b' (its inputs: a, rst)",
                    assertThrows(IllegalArgumentException.class, () -> sim.poke("b", 1)).getMessage());
            assertEquals("'y' is an output port and cannot be poked; only input ports can (a, rst)",
                    assertThrows(IllegalArgumentException.class, () -> sim.poke("y", 1)).getMessage());
            assertEquals("'acc' is a debug net and cannot be poked; only input ports can (a, rst)",
                    assertThrows(IllegalArgumentException.class, () -> sim.poke("acc", 1)).getMessage());
            assertEquals("'clk' cannot be poked: step() applies the clock edges",
                    assertThrows(IllegalArgumentException.class, () -> sim.poke("clk", 1)).getMessage());
            assertEquals("value -1 does not fit input 'a' of UInt(8) (range 0..255)",
                    assertThrows(IllegalArgumentException.class, () -> sim.poke("a", -1)).getMessage());
            assertEquals("the design has no port or debug net named 'n0'; peek works on ports and nets marked for debug"
                            + " (a, rst, y, wide, acc)",
                    assertThrows(IllegalArgumentException.class, () -> sim.peek("n0")).getMessage());
            assertEquals("expected value 300 can never match 'y' of UInt(8) (range 0..255)",
                    assertThrows(IllegalArgumentException.class, () -> sim.expect("y", 300)).getMessage());
            assertEquals("cannot step a negative number of cycles (-1)",
                    assertThrows(IllegalArgumentException.class, () -> sim.step(-1)).getMessage());
            sim.close();
            assertEquals("the simulation of acc8 is closed (called at ApiBehaviourTest.java:" + (lineHere() + 1) + ")",
                    assertThrows(IllegalStateException.class, () -> sim.step()).getMessage());
            sim.close();
        }
    }

    @Test
    void aCombinationalLoopThroughAChildIsRejectedNamingTheLoop() {
        ModuleBuilder child = new ModuleBuilder("inv");
        child.output("y", child.unary(Node.UnaryOp.NOT, child.input("a", Type.bool())));
        var childIr = child.build();
        // top: t = NOT(u.y); u.a = t  -> a loop through the instance
        List<Node> nodes = List.of(
                new Node.InstanceOut("uy", Type.bool(), "u", "y", new SourceLoc("Top.java", 7)),
                new Node.Unary("t", Type.bool(), Node.UnaryOp.NOT, "uy", new SourceLoc("Top.java", 8)),
                new Node.Output("o", Type.bool(), "t", new SourceLoc("Top.java", 9)));
        var top = new defernorm.hdl.ir.ModuleIr("top", nodes, List.of(),
                List.of(new defernorm.hdl.ir.Instance("u", "inv", List.of(new defernorm.hdl.ir.Instance.Connection("a", "t")),
                        SourceLoc.UNKNOWN)), List.of(), SourceLoc.UNKNOWN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BuiltinSimulation(new Design("top", List.of(childIr, top)), SimOptions.builtin()));
        assertTrue(e.getMessage().startsWith("the design has a combinational loop:\n"), e.getMessage());
        assertTrue(e.getMessage().contains("t (Top.java:8)"), e.getMessage());
        assertTrue(e.getMessage().contains("u.n0 (<unknown>:0)"), e.getMessage());
    }

    @Test
    void wavesAreWrittenWithVerilogNamesInNestedScopes(@TempDir Path dir) throws Exception {
        Path vcd = dir.resolve("acc.vcd");
        try (Simulation sim = open()) {
            sim.poke("a", 3);
            sim.startWaves(vcd);
            sim.step(2);
            sim.stopWaves();
            sim.step(5);
        }
        String text = Files.readString(vcd);
        assertTrue(text.contains("$scope module TOP $end"), text);
        assertTrue(text.contains("$scope module acc8 $end"), text);
        assertTrue(text.matches("(?s).*\\$var wire 8 \\S+ acc \\[7:0\\] \\$end.*"), text);
        assertTrue(text.matches("(?s).*\\$var wire 1 \\S+ clk \\$end.*"), text);
        assertTrue(text.contains("#0\n") && text.contains("#5\n") && text.contains("#15\n"), text);
        assertTrue(text.contains("b00000110 "), text);       // acc = 6 after two edges
        assertTrue(!text.contains("#25\n"), text);            // stopped
    }

    private static int lineHere() { return new Throwable().getStackTrace()[1].getLineNumber(); }
}
