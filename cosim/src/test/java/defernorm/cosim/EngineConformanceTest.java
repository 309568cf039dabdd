package defernorm.cosim;

import defernorm.eda.ToolChecks;
import defernorm.eda.Tool;
import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.cosim.random.ModuleBuilder;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node.BinaryOp;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The suite both engines must pass with identical results: registers (reset, enable, their priority),
 * memories (read-first, bounds, initial contents), 512-bit values, hierarchy with debug peeks, expect,
 * batch mode and bad input. Verilator runs are skipped when it is not installed (failed on CI=true).
 */
class EngineConformanceTest {
    private Engine engine;

    private Simulation open(ModuleIr... modules) {
        Design d = new Design(modules[modules.length - 1].name(), List.of(modules));
        if (engine == Engine.BUILTIN) return Simulations.open(d, SimOptions.builtin());
        return Simulations.open(d, SimOptions.verilator().withWorkDir(workDir()));
    }

    private void use(Engine e) {
        engine = e;
        if (e == Engine.VERILATOR) ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
    }

    @TempDir Path work;

    private Path workDir() {
        try { return Files.createTempDirectory(work, "sim"); } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void counterWithResetAndEnableStartsAtZeroAndResetWinsOverEnable(Engine e) {
        use(e);
        ModuleBuilder m = new ModuleBuilder("counter");
        String en = m.input("en", Type.bool());
        String q = m.reg("q", Type.uint(4), BigInteger.valueOf(5));
        String one = m.constant(Type.uint(4), 1);
        m.connect(q, m.slice(m.binary(BinaryOp.ADD, q, one), 3, 0), en);
        m.output("count", q);
        try (Simulation sim = open(m.build())) {
            sim.expect("count", 0);                 // two-state: registers start at 0
            sim.poke("en", 1);
            sim.step(3);
            sim.expect("count", 3);
            sim.reset();                            // rst high with en high: reset wins
            sim.expect("count", 5);
            sim.step(11);
            sim.expect("count", 0);                 // 5 + 11 wraps at 4 bits
            sim.poke("en", 0);
            sim.step(2);
            sim.expect("count", 0);
            sim.poke("en", 0);
            sim.reset(2);                            // reset also applies with enable low
            sim.expect("count", 5);
            assertEquals(19, sim.cycle());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void registerWithoutResetIgnoresRstAndRegistersSwapLikeNonBlockingAssignments(Engine e) {
        use(e);
        ModuleBuilder m = new ModuleBuilder("swap");
        String load = m.input("load", Type.bool());
        String a = m.reg("ra", Type.sint(8), null);
        String b = m.reg("rb", Type.sint(8), BigInteger.ZERO);
        m.connect(a, m.mux(load, m.constant(Type.sint(8), -7), b), null);
        m.connect(b, m.mux(load, m.constant(Type.sint(8), 100), a), null);
        m.output("a", a);
        m.output("b", b);
        try (Simulation sim = open(m.build())) {
            sim.poke("load", 1);
            sim.step();
            sim.poke("load", 0);
            sim.expect("a", -7);
            sim.expect("b", 100);
            sim.step();
            sim.expect("a", 100);
            sim.expect("b", -7);
            sim.reset();
            sim.expect("a", -7);      // ra has no reset value: it loaded rb's old value
            sim.expect("b", 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void memoryIsReadFirstIgnoresOutOfRangeWritesAndReadsZeroOutOfRange(Engine e) {
        use(e);
        ModuleBuilder m = new ModuleBuilder("ram");
        String we = m.input("we", Type.bool());
        String wa = m.input("wa", Type.uint(3));
        String wd = m.input("wd", Type.sint(12));
        String ra = m.input("ra", Type.uint(3));
        String re = m.input("re", Type.bool());
        m.memory("mem", 12, 5, List.of(BigInteger.valueOf(1), BigInteger.valueOf(0xfff)), we, wa, m.cast(wd));
        m.output("q", m.memRead("rd", "mem", true, ra, re));
        m.output("qu", m.memRead("rdu", "mem", false, ra, null));
        try (Simulation sim = open(m.build())) {
            sim.poke("re", 1);
            sim.poke("ra", 1);
            sim.step();
            sim.expect("q", -1);                      // initial contents, read as signed
            sim.expect("qu", 0xfff);
            sim.poke("we", 1);
            sim.poke("wa", 1);
            sim.poke("wd", 300);
            sim.step();
            sim.expect("q", -1);                      // read-first: the old word
            sim.poke("we", 0);
            sim.step();
            sim.expect("q", 300);
            sim.poke("re", 0);                        // a disabled read port holds its value
            sim.poke("ra", 0);
            sim.step();
            sim.expect("q", 300);
            sim.expect("qu", 1);
            sim.poke("we", 1);
            sim.poke("wa", 6);                        // out of range: ignored
            sim.poke("wd", -5);
            sim.poke("ra", 6);
            sim.poke("re", 1);
            sim.step();
            sim.expect("q", 0);                       // out-of-range reads return 0
            sim.poke("we", 0);
            for (int addr = 0; addr < 5; addr++) {
                sim.poke("ra", addr);
                sim.step();
                sim.expect("qu", new long[] {1, 300, 0, 0, 0}[addr]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void wideRegistersAndMemoriesKeepAll512Bits(Engine e) {
        use(e);
        ModuleBuilder m = new ModuleBuilder("wide");
        String d = m.input("d", Type.uint(512));
        String we = m.input("we", Type.bool());
        String addr = m.input("addr", Type.uint(2));
        String r = m.reg("r", d, null, BigInteger.ONE.shiftLeft(511));
        m.memory("mem", 512, 4, List.of(), we, addr, d);
        m.output("q", r);
        m.output("m", m.memRead("rd", "mem", false, addr, null));
        m.output("top", m.slice(r, 511, 448));
        BigInteger big = BigInteger.ONE.shiftLeft(512).subtract(BigInteger.valueOf(12345));
        try (Simulation sim = open(m.build())) {
            sim.reset();
            sim.expect("q", BigInteger.ONE.shiftLeft(511));
            sim.poke("d", big);
            sim.poke("we", 1);
            sim.poke("addr", 3);
            sim.step();
            sim.expect("q", big);
            sim.expect("top", big.shiftRight(448));
            sim.step();
            sim.expect("m", big);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void hierarchyIsInlinedAndChildDebugNetsArePeekedByInstancePath(Engine e) {
        use(e);
        ModuleBuilder leaf = new ModuleBuilder("mac");
        String a = leaf.input("a", Type.sint(8));
        String b = leaf.input("b", Type.sint(8));
        String acc = leaf.reg("acc", Type.sint(20), BigInteger.ZERO);
        String prod = leaf.resize(leaf.binary(BinaryOp.MUL, a, b), 20);
        leaf.connect(acc, leaf.resize(leaf.binary(BinaryOp.ADD, acc, prod), 20), null);
        leaf.debug(acc);
        leaf.output("y", acc);
        ModuleIr mac = leaf.build();

        ModuleBuilder top = new ModuleBuilder("pair");
        String x = top.input("x", Type.sint(8));
        String w = top.input("w", Type.sint(8));
        Map<String, String> u0 = top.instance("u0", mac, Map.of("a", x, "b", w));
        Map<String, String> u1 = top.instance("u1", mac, Map.of("a", x, "b", top.wire("w_neg", w)));
        top.output("s", top.binary(BinaryOp.ADD, u0.get("y"), u1.get("y")));
        top.output("y0", u0.get("y"));
        ModuleIr pair = top.build();
        try (Simulation sim = open(mac, pair)) {
            sim.reset();
            sim.poke("x", -3);
            sim.poke("w", 7);
            sim.step(4);
            sim.expect("u0.acc", -84);
            sim.expect("u1.acc", -84);
            sim.expect("y0", -84);
            sim.expect("s", -168);
        }
        ModuleBuilder outer = new ModuleBuilder("outer");
        String ox = outer.input("x", Type.sint(8));
        outer.output("s", outer.instance("p", pair, Map.of("x", ox, "w", outer.constant(Type.sint(8), 2))).get("s"));
        try (Simulation sim = open(mac, pair, outer.build())) {
            sim.poke("x", 5);
            sim.step(3);
            sim.expect("p.u1.acc", 30);
            sim.expect("s", 60);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void combinationalDesignNeedsNoClockAndResetJustCountsCycles(Engine e) {
        use(e);
        ModuleBuilder m = new ModuleBuilder("comb");
        String a = m.input("a", Type.uint(8));
        m.output("y", m.unary(defernorm.hdl.ir.Node.UnaryOp.NOT, a));
        try (Simulation sim = open(m.build())) {
            sim.poke("a", 0x0f);
            sim.expect("y", 0xf0);
            sim.reset(2);
            sim.step();
            assertEquals(3, sim.cycle());
        }
    }

    private ModuleIr accumulator() {
        ModuleBuilder m = new ModuleBuilder("acc8");
        String a = m.input("a", Type.uint(8));
        String acc = m.reg("acc", Type.uint(8), BigInteger.ZERO);
        m.connect(acc, m.slice(m.binary(BinaryOp.ADD, acc, a), 7, 0), null);
        m.output("y", acc);
        return m.build();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void expectNamesCycleNetValuesAndTheCallersLine(Engine e) {
        use(e);
        try (Simulation sim = open(accumulator())) {
            assertEquals(e, sim.engine());
            sim.poke("a", 5);
            sim.step(2);
            SimulationMismatch m = Assertions.assertThrows(SimulationMismatch.class, () -> sim.expect("y", 11));
            String line = "EngineConformanceTest.java:" + (new Throwable().getStackTrace()[0].getLineNumber() - 1);
            assertEquals("cycle 2: y was 10, expected 11 (expect at " + line + ")", m.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void batchDrivesSettlesObservesThenClocksAndAnObserverMayStopIt(Engine e) {
        use(e);
        try (Simulation sim = open(accumulator())) {
            sim.reset();
            List<Long> seen = new java.util.ArrayList<>();
            sim.runBatch(List.of("a"), List.of("y"), 5, (c, row) -> row.set(0, c + 1), (c, row) -> seen.add(row.get(0)));
            assertEquals(List.of(0L, 1L, 3L, 6L, 10L), seen);
            assertEquals(6, sim.cycle());
            sim.expect("y", 15);
            sim.expect("a", 5);
            RuntimeException stop = new RuntimeException("stop");
            RuntimeException thrown = Assertions.assertThrows(RuntimeException.class, () -> sim.runBatch(List.of("a"), List.of("y"), 100,
                    (c, row) -> row.set(0, 1), (c, row) -> { if (row.get(0) == 18) throw stop; }));
            assertEquals(stop, thrown);
            // Where the state stands afterwards differs: the built-in engine stops at the throwing cycle, Verilator
            // finishes the cycles it had already streamed. Both stay usable.
            sim.step();
            Assertions.assertTrue(sim.peekLong("y") >= 19);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void badInputIsAnIllegalArgument(Engine e) {
        use(e);
        try (Simulation sim = open(accumulator())) {
            // The same sentence on both engines (the lists of names follow each engine's net order).
            assertStarts("the design has no input port named 'nope' (its inputs: ", () -> sim.poke("nope", 1));
            assertStarts("'y' is an output port and cannot be poked; only input ports can (", () -> sim.poke("y", 1));
            assertStarts("value 256 does not fit input 'a' of UInt(8) (range 0..255)", () -> sim.poke("a", 256));
            assertStarts("value -1 does not fit input 'a' of UInt(8) (range 0..255)", () -> sim.poke("a", -1));
            assertStarts("the design has no port or debug net named 'nope'; peek works on ports", () -> sim.peek("nope"));
            assertStarts("expected value 300 can never match 'y' of ", () -> sim.expect("y", 300));
            assertStarts("'clk' cannot be poked: step() applies the clock edges", () -> sim.poke("clk", 1));
        }
    }

    private static void assertStarts(String prefix, org.junit.jupiter.api.function.Executable call) {
        String message = Assertions.assertThrows(IllegalArgumentException.class, call).getMessage();
        Assertions.assertTrue(message.startsWith(prefix), message);
    }
}
