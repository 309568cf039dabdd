package defernorm.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Port handles on both engines: the same values as the named calls, and misuse named with the caller's line. */
class PortTest {
    private static final SourceLoc L = new SourceLoc("PortTest.java", 1);
    @TempDir Path work;

    /** {@code Acc}: acc += x each cycle (16 bits), y = x + x combinationally (signed 9 bits). */
    private static Design acc() {
        ModuleIr m = new ModuleIr("Acc", List.of(
                new Node.Input("x", Type.sint(8), L),
                new Node.Output("acc", Type.uint(16), "acc_q", L),
                new Node.Output("y", Type.sint(9), "twice", L),
                new Node.Binary("twice", Type.sint(9), Node.BinaryOp.ADD, "x", "x", L),
                new Node.Resize("x16", Type.uint(16), "x", L),
                new Node.Binary("sum", Type.uint(17), Node.BinaryOp.ADD, "acc_q", "x16", L),
                new Node.Resize("next", Type.uint(16), "sum", L),
                new Node.Reg("acc_q", Type.uint(16), "next", null, BigInteger.ZERO, L)),
                List.of(), List.of(), List.of(), L);
        return new Design("Acc", List.of(m));
    }

    private Simulation open(Engine e) {
        if (e == Engine.VERILATOR) ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
        return Simulations.open(acc(), SimOptions.of(e).withWorkDir(work));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void handlesPokePeekAndExpectLikeTheNamedCalls(Engine e) {
        try (Simulation sim = open(e)) {
            Port x = sim.port("x"), y = sim.port("y"), acc = sim.port("acc");
            assertTrue(x.isInput());
            assertFalse(y.isInput());
            sim.reset();
            long expected = 0;
            for (int i = -100; i < 100; i += 7) {
                x.poke(i);
                assertEquals(2L * i, y.peekLong());
                assertEquals(BigInteger.valueOf(2L * i), y.peek());
                acc.expect(expected);
                assertEquals(expected, sim.peekLong("acc"));
                sim.step();
                expected = (expected + (i & 0xFFFF)) & 0xFFFF;
            }
            SimulationMismatch m = assertThrows(SimulationMismatch.class, () -> acc.expect(12345));
            assertTrue(m.getMessage().contains("PortTest.java:"), m.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void misuseNamesThePortAndTheCallersLine(Engine e) {
        Simulation sim = open(e);
        Port x = sim.port("x"), y = sim.port("y");
        IllegalArgumentException output = assertThrows(IllegalArgumentException.class, () -> y.poke(1));
        assertTrue(output.getMessage().startsWith("port y is not an input"), output.getMessage());
        assertTrue(output.getMessage().contains("PortTest.java:"), output.getMessage());
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> x.poke(200));
        assertTrue(tooBig.getMessage().contains("does not fit"), tooBig.getMessage());
        try (Simulation other = open(e)) {
            IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class, () -> x.checkBelongsTo(other));
            assertTrue(foreign.getMessage().contains("port x belongs to another simulation"), foreign.getMessage());
            assertTrue(foreign.getMessage().contains("PortTest.java:"), foreign.getMessage());
        }
        sim.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> x.poke(1));
        assertTrue(closed.getMessage().contains("port x") && closed.getMessage().contains("closed"), closed.getMessage());
        assertTrue(closed.getMessage().contains("PortTest.java:"), closed.getMessage());
        IllegalStateException step = assertThrows(IllegalStateException.class, () -> sim.step());
        assertTrue(step.getMessage().contains("simulation of Acc is closed"), step.getMessage());
        assertTrue(step.getMessage().contains("PortTest.java:"), step.getMessage());
    }
}
