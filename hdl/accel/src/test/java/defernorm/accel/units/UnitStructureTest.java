package defernorm.accel.units;

import defernorm.golden.fixed.InverseSqrtTable;
import defernorm.golden.fixed.ReciprocalTable;
import defernorm.golden.model.Op;
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

/** Elaborated structure of the units: names carry the parameters, every pipeline level is its own named register, each unit reports the depth it built. */
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
    void macArrayAddsOncePerLaneNotOncePerAccumulator() {
        // Q = 3 lanes, G = 4 groups: the landing group's accumulator is selected, then added to, so there are 3
        // accumulator-width adders, not 12 (only the landing group's sums are computed).
        MacArray.Config cfg = MacArray.Config.int8(40, 12, 5, 3);
        ModuleIr m = Elaborator.elaborate(new MacArray(cfg)).topModule();
        long accAdds = m.nodes().stream()
                .filter(n -> n instanceof Node.Binary b && b.op() == Node.BinaryOp.ADD && b.type().width() > cfg.accBits())
                .count();
        assertEquals(3, accAdds);
    }

    @Test
    void reductionTreeLevelsAreSeparateNamedRegisters() {
        ReductionTree t = new ReductionTree(ReductionTree.Config.norm(16, 4, ReduceOp.SUMSQ));
        Design d = Elaborator.elaborate(t);
        assertEquals("ReductionTree_P16_W8S_NB4_SUMSQ_F", d.top());
        Set<String> r = regs(d.topModule());
        for (int l = 1; l <= 4; l++) assertTrue(r.contains("tree_l" + l + "_0"), "level " + l);
        assertTrue(r.contains("tree_l1_7") && !r.contains("tree_l5_0"));
        assertEquals(1 + 4 + 1, t.latency());   // x^2, 4 tree levels, accumulator
        // x^2 of int8 needs 15 bits; 64 of them need 21.
        assertEquals(Type.uint(21), t.config().acc());
    }

    @Test
    void nonlinearChainsReportTheDepthsTheyBuild() {
        // variance 2 + normalize 2 + table read 1 + multiply 1 + subtract/round/clamp 1 + factor x n 1
        assertEquals(8, new NormFactorUnit(Op.LAYERNORM, 64, 14, 21).latency());
        assertEquals(8, new NormFactorUnit(Op.RMSNORM, 64, 14, 21).latency());
        // normalize 2 + table read 1 + multiply 1 + round 1 + factor register 1
        assertEquals(6, new SoftmaxFactorUnit(14).latency());
        assertEquals(5, new RsqrtUnit(43).latency());
        assertEquals(5, new ReciprocalUnit(21).latency());
        assertEquals(3, new PiecewiseLinearUnit(InverseSqrtTable.TABLE).latency());
        assertEquals(2, new LeadingOneNormalizer(43, 32, true).latency());
        assertEquals(3, new Exp2Unit(25, 13, true).latency());
        assertEquals(2, new Exp2Unit(25, 13, false).latency());
        assertEquals(1 + 3 + 1 + 3, new SoftmaxFront(8, 2, true).latency());
        assertEquals(1 + 3 + 1 + 2, new SoftmaxFront(8, 2, false).latency());
        assertEquals(3, new NormRequantize(Op.LAYERNORM, 16, 2, 12).latency());
        assertEquals(2, new NormRequantize(Op.LAYERNORM, 16, 2, 12, false).latency());
        assertEquals(6, new SoftmaxRequantize(2).latency());
        assertEquals(5, new SoftmaxRequantize(2, false).latency());
        assertEquals(4, new ScaleUnit(4, 2, 20, 22, 8).latency());
        assertEquals(2, new OutputStage(4, 2, 20, 0).latency());
        assertEquals(3, regs(Elaborator.elaborate(new CollectiveDelay(8, 3)).topModule()).stream().filter(n -> n.startsWith("data_")).count());
    }

    @Test
    void factorTablesAreOneRomEachWithOneRegisterPerStage() {
        for (var table : java.util.List.of(InverseSqrtTable.TABLE, ReciprocalTable.TABLE)) {
            ModuleIr m = Elaborator.elaborate(new PiecewiseLinearUnit(table)).topModule();
            assertEquals(1, m.memories().size());
            assertEquals(table.segments(), m.memories().get(0).depth());
            assertEquals(table.c0Bits() + table.c1Bits(), m.memories().get(0).width());
            assertTrue(regs(m).containsAll(Set.of("t_frac", "m_prod", "m_c0", "r_out")), regs(m).toString());
        }
        assertEquals("PiecewiseLinearUnit_RSQRT_W32_I9_F16", new PiecewiseLinearUnit(InverseSqrtTable.TABLE).name());
        assertEquals(384, InverseSqrtTable.TABLE.segments());
        assertEquals(256, ReciprocalTable.TABLE.segments());
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
            assertTrue(name.matches("[A-Za-z0-9]+_.*"), name);
        });
    }

    @Test
    void badParametersAreRejectedWithOneSentence() {
        var e = assertThrows(IllegalArgumentException.class, () -> new CollectiveDelay(8, -1));
        assertEquals("The collective latency C must be at least 0, not -1.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReciprocalUnit(0));
        assertEquals("ReciprocalUnit needs 1..90 input bits, not 0.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MacArray.Config(0, 1, 1, 1, Type.sint(8), false, 0));
        assertEquals("MacArray needs P, Q, NB and G of at least 1, not P=0, Q=1, NB=1, G=1.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReductionTree.Config(4, Type.sint(8), 2, ReduceOp.MAX, false, 5));
        assertEquals("Only a SUM ReductionTree can rescale its accumulator.", e.getMessage());
    }
}
