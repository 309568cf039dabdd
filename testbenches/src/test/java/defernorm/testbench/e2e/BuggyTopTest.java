package defernorm.testbench.e2e;

import defernorm.accel.tops.TopGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Mismatch;
import defernorm.testbench.check.Checker;
import defernorm.testbench.check.TopPorts;
import defernorm.testbench.check.TopUnderTest;
import defernorm.testbench.dut.GoldenBeats;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.Tops;
import defernorm.testbench.stimulus.Flow;
import defernorm.testbench.stimulus.RandomTokens;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real generated top with a planted bug (lane 0's low bit of {@code m_axis_tdata} flipped on every beat,
 * by editing the elaborated netlist): the checker must name the first beat, the lane and both values, on
 * the cycle the golden schedule gives, and leave a waveform window; the same on both engines.
 */
class BuggyTopTest {
    private static final Params P = new Params(16, 8, 4, 2, 2);

    /** The design with {@code m_axis_tdata} XOR 1. */
    static Design flipLowBit(Design d) {
        ModuleIr top = d.topModule();
        List<Node> nodes = new ArrayList<>();
        for (Node n : top.nodes()) {
            if (n instanceof Node.Output o && o.name().equals(TopPorts.M_DATA)) {
                nodes.add(new Node.Const("planted_bug_one", o.type(), BigInteger.ONE, SourceLoc.UNKNOWN));
                nodes.add(new Node.Binary("planted_bug", o.type(), Node.BinaryOp.XOR, o.source(), "planted_bug_one", SourceLoc.UNKNOWN));
                nodes.add(new Node.Output(o.name(), o.type(), "planted_bug", o.loc()));
            } else {
                nodes.add(n);
            }
        }
        ModuleIr bad = new ModuleIr(top.name(), nodes, top.memories(), top.instances(), top.debug(), top.loc());
        List<ModuleIr> modules = new ArrayList<>(d.modules());
        modules.set(modules.indexOf(top), bad);
        return new Design(d.top(), modules);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theCheckerNamesTheFirstWrongBeatPrecisely(Engine engine, @TempDir Path dir) throws Exception {
        Engines.assumeAvailable(engine);
        LayerConfig cfg = RandomLayers.config(Op.RMSNORM, P, 5L);
        TopUnderTest good = Tops.underTest(Variant.DEFERRED, cfg);
        GoldenBeats golden = new GoldenBeats(cfg, Variant.DEFERRED, TopGenerator.schedule(cfg.op(), Variant.DEFERRED, cfg.params()));
        TopUnderTest bad = TopUnderTest.of(flipLowBit(Tops.design(Op.RMSNORM, Variant.DEFERRED, P)), good.shape(), good.config(), golden);
        List<byte[]> tokens = RandomTokens.generate(P.n(), 6, 9L);
        SimOptions options = SimOptions.of(engine).withWorkDir(dir.resolve("sim"));

        CheckResult r = Checker.check(bad, CheckPlan.free(tokens, 1L).withWaves(dir).withWaveWindow(5), options);
        Mismatch m = r.firstMismatch();
        assertNotNull(m, r::summary);
        assertEquals(TopPorts.M_DATA, m.signal());
        assertEquals(0, m.token());
        assertEquals(0, m.outputIndex());
        long want = golden.process(tokens.get(0)).lanes()[0];
        assertEquals("lane 0: expected " + want + ", was " + (want ^ 1), m.detail());
        assertEquals(golden.schedule().outputCycle(0, 0), m.streamCycle());
        assertEquals(tokens.size() * P.groups(), r.mismatches(), "every beat is wrong");
        assertNotNull(m.wave(), m::describe);
        assertTrue(Files.size(m.wave()) > 0);
        assertTrue(Files.readString(m.wave()).contains("m_axis_tdata"));

        CheckResult withBackpressure = Checker.check(bad, CheckPlan.free(tokens, 1L).withFlow(Flow.random(0.7, 0.5)), options);
        assertEquals(TopPorts.M_DATA, withBackpressure.firstMismatch().signal());
        assertEquals(0, withBackpressure.firstMismatch().token());
    }
}
