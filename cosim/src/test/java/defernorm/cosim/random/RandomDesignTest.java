package defernorm.cosim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator covers the whole IR, is deterministic, and every design it makes simulates. */
class RandomDesignTest {
    private static Genome random(Random r, int top, int child) {
        List<Gene> t = new ArrayList<>(), c = new ArrayList<>();
        for (int i = 0; i < top; i++) t.add(gene(r));
        for (int i = 0; i < child; i++) c.add(gene(r));
        return new Genome(t, c);
    }

    private static Gene gene(Random r) {
        return new Gene(r.nextInt(RandomDesign.KINDS), r.nextInt(1000), r.nextInt(1000), r.nextInt(1000), r.nextInt(1000));
    }

    @Test
    void aSampleCoversEveryNodeKindOpWidthAndSignedness() {
        Random r = new Random(3);
        Set<String> seen = new HashSet<>();
        boolean wide = false, signed = false, unsigned = false, memory = false, instance = false, resetless = false;
        for (int i = 0; i < 100; i++) {
            Design d = RandomDesign.build(random(r, 1 + r.nextInt(14), r.nextInt(6)), "fz");
            for (ModuleIr m : d.modules()) {
                memory |= !m.memories().isEmpty();
                instance |= !m.instances().isEmpty();
                for (Node n : m.nodes()) {
                    seen.add(n.getClass().getSimpleName());
                    if (n instanceof Node.Binary b) seen.add(b.op().name());
                    if (n instanceof Node.Unary u) seen.add(u.op().name());
                    wide |= n.type().width() > 64;
                    signed |= n.type().signed();
                    unsigned |= !n.type().signed();
                    assertTrue(n.type().width() <= RandomDesign.MAX_WIDTH, n::toString);
                    if (n instanceof Node.Reg reg) resetless |= reg.reset() == null;
                }
            }
        }
        for (Class<?> kind : Node.class.getPermittedSubclasses()) assertTrue(seen.contains(kind.getSimpleName()), kind::toString);
        for (Node.BinaryOp op : Node.BinaryOp.values()) assertTrue(seen.contains(op.name()), op::toString);
        for (Node.UnaryOp op : Node.UnaryOp.values()) assertTrue(seen.contains(op.name()), op::toString);
        assertTrue(wide && signed && unsigned && memory && instance && resetless);
    }

    @Test
    void theSameGenomeGivesTheSameDesignAndEveryDesignSimulates() {
        Random r = new Random(5);
        for (int i = 0; i < 40; i++) {
            Genome g = random(r, 1 + r.nextInt(12), r.nextInt(5));
            Design d = RandomDesign.build(g, "fz");
            assertEquals(d, RandomDesign.build(g, "fz"));
            RandomStimulus s = RandomStimulus.of(d, 20, i);
            try (Simulation sim = Simulations.open(d, SimOptions.builtin())) {
                sim.runBatch(s.inputs(), List.of(), s.cycles(), s::drive, null);
                assertEquals(20, sim.cycle());
            }
        }
    }

    @Test
    void aBatchPutsDesignsSideBySideWithPrefixedPorts() {
        Design a = RandomDesign.build(new Genome(List.of(new Gene(3, 0, 0, 0, 0)), List.of()), "d0");
        Design b = RandomDesign.build(new Genome(List.of(new Gene(13, 1, 0, 0, 1)), List.of(new Gene(2, 0, 0, 0, 0))), "d1");
        Design all = DesignBatch.combine("top", List.of(a, b));
        assertEquals(List.of("d0", "d1_c", "d1", "top"), all.modules().stream().map(ModuleIr::name).toList());
        assertTrue(all.topModule().inputs().stream().anyMatch(in -> in.name().equals("d1_i0")));
        assertTrue(all.topModule().outputs().stream().anyMatch(o -> o.name().equals("d0_o0")));
        assertTrue(all.isClocked("top"));
    }
}
