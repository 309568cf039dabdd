package defernorm.accel.units;

import defernorm.golden.model.Op;
import defernorm.golden.timing.Latencies;
import defernorm.hdl.Elaborator;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Elaborated structure of the units: names carry the parameters, every pipeline level is its own named register, depths follow Latencies. */
class UnitStructureTest {

    static Set<String> regs(ModuleIr m) {
        return m.nodes().stream().filter(n -> n instanceof Node.Reg).map(Node::name).collect(Collectors.toSet());
    }

    @Test
    void macArrayHasParallelMultipliersAndOneRegisterLevelPerTreeLevel() {
        MacArray.Config cfg = MacArray.Config.int8(40, 12, 5, 3);   // P=5: a 3-level tree with an odd leaf
        Design d = Elaborator.elaborate(new MacArray(cfg));
        assertEquals("MacArray_P5_Q3_NB8_G4_A8S", d.top());
        Set<String> r = regs(d.topModule());
        for (int row = 0; row < 5; row++) for (int c = 0; c < 3; c++) assertTrue(r.contains("mul_r" + row + "_c" + c));
        for (int c = 0; c < 3; c++) {
            assertTrue(r.containsAll(Set.of("col" + c + "_l1_0", "col" + c + "_l1_2", "col" + c + "_l2_1", "col" + c + "_l3_0")));
            assertTrue(!r.contains("col" + c + "_l4_0"));
        }
        for (int g = 0; g < 4; g++) for (int c = 0; c < 3; c++) assertTrue(r.containsAll(Set.of("acc_g" + g + "_c" + c, "drain0_g" + g + "_c" + c, "drain1_g" + g + "_c" + c)));
        assertEquals(1 + 3 + 1, new MacArray(cfg).latency());   // multipliers, 3 tree levels, accumulators
        assertEquals(1, d.topModule().memories().size());
        assertEquals(5 * 3 * 8, d.topModule().memories().get(0).width());
        assertEquals(32, d.topModule().memories().get(0).depth());
    }

    @Test
    void reductionTreeLevelsAreSeparateNamedRegisters() {
        ReductionTree t = new ReductionTree(ReductionTree.Config.norm(16, 4, ReduceOp.SUMSQ));
        Design d = Elaborator.elaborate(t);
        assertEquals("ReductionTree_P16_W8S_NB4_SUMSQ_F", d.top());
        Set<String> r = regs(d.topModule());
        for (int l = 1; l <= 4; l++) assertTrue(r.contains("tree_l" + l + "_0"), "level " + l);
        assertTrue(r.contains("tree_l1_7") && !r.contains("tree_l5_0"));
        assertEquals(Latencies.normReduction(16), t.latency());
        // x^2 of int8 needs 15 bits; 64 of them need 21.
        assertEquals(Type.uint(21), t.config().acc());
    }

    @Test
    void nonlinearChainsHaveTheGoldenDepths() {
        assertEquals(Latencies.normFactor(), new NormFactorUnit(Op.LAYERNORM, 64, 14, 21).latency());
        assertEquals(Latencies.softmaxFactor(), new SoftmaxFactorUnit(14).latency());
        assertEquals(Latencies.ISQRT, new IsqrtUnit(32).latency());
        assertEquals(Latencies.EXP, new Exp2Unit(25, 13, true).latency());
        assertEquals(Latencies.softmaxExpFront(8), new SoftmaxFront(8, 2, true).latency());
        assertEquals(Latencies.softmaxExpFront(8) - 1, new SoftmaxFront(8, 2, false).latency());
        assertEquals(Latencies.FINAL_SCALE, new ScaleUnit(4, 2, 20, 22, 8).latency());
        assertEquals(Latencies.OUTPUT, new OutputStage(4, 2, 20, 0).latency());
        assertEquals(3, regs(Elaborator.elaborate(new CollectiveDelay(8, 3)).topModule()).stream().filter(n -> n.startsWith("data_")).count());
    }

    @Test
    void withoutARegisteredOutputTheLastRegisterIsLeftToTheConsumer() {
        ModuleIr out = Elaborator.elaborate(new OutputStage(2, 2, 20, 0, false)).topModule();
        assertEquals("OutputStage_Q2_G2_A20_UP0_C", out.name());
        assertTrue(regs(out).contains("s1_acc_0") && regs(out).stream().noneMatch(n -> n.startsWith("s2_out")));
        ModuleIr scale = Elaborator.elaborate(new ScaleUnit(2, 2, 20, 22, 8, false)).topModule();
        assertTrue(regs(scale).contains("s3_round_0") && regs(scale).stream().noneMatch(n -> n.startsWith("s4_out")));
        // The bias is read in the stage before the add, so no bias register travels down the pipeline.
        assertTrue(regs(scale).stream().noneMatch(n -> n.contains("bias")), regs(scale).toString());
        ModuleIr norm = Elaborator.elaborate(new NormRequantize(Op.LAYERNORM, 16, 2, 12, false)).topModule();
        assertTrue(regs(norm).contains("s2_u_0") && regs(norm).stream().noneMatch(n -> n.startsWith("s3_")));
        ModuleIr soft = Elaborator.elaborate(new SoftmaxRequantize(2, false)).topModule();
        assertTrue(regs(soft).contains("m_0") && regs(soft).stream().noneMatch(n -> n.startsWith("q_")));
    }

    @Test
    void allUnitsElaborateWithTheirParametersInTheirNames() {
        var designs = defernorm.accel.AllUnits.designs();
        assertTrue(designs.size() >= 20);
        designs.forEach((name, d) -> {
            assertEquals(name, d.top());
            assertTrue(name.matches("[A-Za-z0-9]+_.*") || name.startsWith("ReciprocalUnit"), name);
        });
    }

    @Test
    void badParametersAreRejectedWithOneSentence() {
        var e = assertThrows(IllegalArgumentException.class, () -> new CollectiveDelay(8, -1));
        assertEquals("The collective latency C must be at least 0, not -1.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new IsqrtUnit(7));
        assertEquals("IsqrtUnit needs an even input width in 2..62, not 7.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MacArray.Config(0, 1, 1, 1, Type.sint(8), false, 0));
        assertEquals("MacArray needs P, Q, NB and G of at least 1, not P=0, Q=1, NB=1, G=1.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReductionTree.Config(4, Type.sint(8), 2, ReduceOp.MAX, false, 5));
        assertEquals("Only a SUM ReductionTree can rescale its accumulator.", e.getMessage());
    }
}
