package defernorm.cosim.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.random.Gene;
import defernorm.cosim.random.Genome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delta debugging keeps exactly what the failure needs and shrinks the numbers it does not. */
class MinimizerTest {
    private static boolean has(List<Gene> genes, int kind) { return genes.stream().anyMatch(g -> g.kind() == kind); }

    @Test
    void keepsOnlyTheGenesTheFailureNeedsAndZeroesTheirOtherNumbers() {
        List<Gene> top = new ArrayList<>(), child = new ArrayList<>();
        for (int i = 0; i < 30; i++) top.add(new Gene(i % 13, 100 + i, 200 + i, 300 + i, 400 + i));
        for (int i = 0; i < 6; i++) child.add(new Gene(9, i, i, i, i));
        // "fails" when the top has a kind-5 and a kind-7 gene, and some child gene has b >= 3
        Minimizer m = new Minimizer(1000);
        Genome small = m.minimize(new Genome(top, child),
                g -> has(g.top(), 5) && has(g.top(), 7) && g.child().stream().anyMatch(x -> x.b() >= 3));
        assertEquals(2, small.top().size(), small::toString);
        assertEquals(List.of(new Gene(5, 0, 0, 0, 0), new Gene(7, 0, 0, 0, 0)), small.top());
        assertEquals(1, small.child().size());
        assertTrue(small.child().get(0).b() >= 3);
        assertTrue(m.checks() > 0 && m.checks() <= 1000);
    }

    @Test
    void stopsAtItsBudgetWithAGenomeThatStillFails() {
        List<Gene> top = new ArrayList<>();
        for (int i = 0; i < 40; i++) top.add(new Gene(i % 13, i, i, i, i));
        Minimizer m = new Minimizer(5);
        Genome small = m.minimize(new Genome(top, List.of()), g -> has(g.top(), 12));
        assertTrue(has(small.top(), 12));
        assertEquals(5, m.checks());
    }
}
