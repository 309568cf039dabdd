package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.examples.AllExamples;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NamingTest {
    /** y = (a + b) truncated; optionally an unrelated extra output built first. */
    static final class Sum extends Component {
        Sum(boolean extra) {
            super("Sum");
            Signal a = input("a", Type.uint(8)), b = input("b", Type.uint(8));
            if (extra) output("z", Type.uint(8)).set(a.xor(b));
            output("y", Type.uint(8)).set(a.plus(b).truncate(8));
        }
    }

    static String sourceOf(ModuleIr m, String out) {
        return m.outputs().stream().filter(o -> o.name().equals(out)).findFirst().orElseThrow().source();
    }

    @Test void temporariesAreNamedByOpAndAShortStructuralHash() {
        ModuleIr m = Elaborator.elaborate(new Sum(false)).topModule();
        assertTrue(sourceOf(m, "y").matches("_resize_[0-9a-f]{4,6}"), sourceOf(m, "y"));
        assertTrue(m.nodes().stream().anyMatch(n -> n.name().matches("_add_[0-9a-f]{4,6}")));
    }

    @Test void anUnrelatedEditDoesNotRenameATemporary() {
        assertEquals(sourceOf(Elaborator.elaborate(new Sum(false)).topModule(), "y"),
                sourceOf(Elaborator.elaborate(new Sum(true)).topModule(), "y"));
    }

    @Test void structurallyIdenticalExpressionsShareOneNet() {
        ModuleIr m = Elaborator.elaborate(new Component("Twice") {{
            Signal a = input("a", Type.uint(8)), b = input("b", Type.uint(8));
            output("y", Type.uint(9)).set(a.plus(b));
            output("z", Type.uint(9)).set(a.plus(b));
        }}).topModule();
        assertEquals(sourceOf(m, "y"), sourceOf(m, "z"));
        assertEquals(1, m.nodes().stream().filter(n -> n instanceof Node.Binary).count());
    }

    @Test void differentOperandsGiveDifferentNames() {
        ModuleIr m = Elaborator.elaborate(new Component("Two") {{
            Signal a = input("a", Type.uint(8)), b = input("b", Type.uint(8));
            output("y", Type.uint(9)).set(a.plus(b));
            output("z", Type.uint(9)).set(b.plus(a));
        }}).topModule();
        assertNotEquals(sourceOf(m, "y"), sourceOf(m, "z"));
    }

    @Test void netsNothingReadsAreDropped() {
        ModuleIr m = Elaborator.elaborate(new Component("Dead") {{
            Signal a = input("a", Type.uint(8));
            Wire unused = wire("unused", Type.uint(9));
            unused.set(a.plus(a));
            Reg r = reg("r_unused", Type.uint(8));
            r.set(a);
            output("y", Type.uint(8)).set(a);
        }}).topModule();
        assertEquals(List.of("a", "y"), m.nodes().stream().map(Node::name).toList());
    }

    @Test void userNamesAreKeptVerbatim() {
        ModuleIr m = Elaborator.elaborate(new Component("Named") {{
            Signal a = input("a", Type.uint(8));
            output("y", Type.uint(9)).set(a.plus(a).named("doubled"));
        }}).topModule();
        assertEquals("doubled", sourceOf(m, "y"));
    }

    @Test void elaborationIsDeterministic() {
        assertEquals(AllExamples.designs(), AllExamples.designs());
    }

    /** Many distinct constants of one type: names stay unique (prefixes extend on collision). */
    @Property(tries = 20)
    void generatedNamesAreUniquePerStructure(@ForAll @IntRange(min = 1, max = 400) int n) {
        ModuleIr m = Elaborator.elaborate(new Component("Many") {{
            Signal a = input("a", Type.uint(10));
            Signal acc = lit(0, Type.bool());
            for (int i = 0; i < n; i++) acc = acc.or(a.eq(i));
            output("y", Type.bool()).set(acc);
        }}).topModule();
        List<String> names = m.nodes().stream().map(Node::name).toList();
        assertEquals(names.size(), names.stream().distinct().count());
        assertFalse(names.stream().anyMatch(x -> x.startsWith("_") && !x.matches("_[a-z]+_[0-9a-f]{4,64}")));
    }
}
