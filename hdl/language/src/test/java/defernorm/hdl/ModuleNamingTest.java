package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Automatic module names: a base name, one module per netlist, stable suffixes when netlists differ. */
class ModuleNamingTest {
    /** Instantiates Width with the given widths, in this order, as u0, u1, ... */
    private static Design top(int... widths) {
        return Elaborator.elaborate(new Component("Top") {{
            Signal a = input("a", Type.uint(8));
            Signal acc = null;
            for (int k = 0; k < widths.length; k++) {
                Inst u = instance("u" + k, new StructureCheckTest.Width(widths[k]));
                u.in("a", a.truncate(widths[k]));
                Signal o = u.out("o").extend(8);
                acc = acc == null ? o : acc.xor(o);
            }
            output("y", Type.uint(8)).set(acc);
        }});
    }

    private static List<String> names(Design d) { return d.modules().stream().map(ModuleIr::name).toList(); }

    private static String instanceModule(Design d, String inst) {
        return d.topModule().instances().stream().filter(i -> i.name().equals(inst)).findFirst().orElseThrow().module();
    }

    @Test void oneNetlistKeepsItsBaseNameAndIsEmittedOnce() {
        Design d = top(4, 4);
        assertEquals(List.of("Width", "Top"), names(d));
    }

    @Test void differentNetlistsGetSuffixesFromTheirStructure() {
        Design d = top(4, 5, 4);
        String w4 = instanceModule(d, "u0"), w5 = instanceModule(d, "u1");
        assertTrue(w4.matches("Width_[0-9a-f]{8}") && w5.matches("Width_[0-9a-f]{8}"), w4 + " " + w5);
        assertNotEquals(w4, w5);
        assertEquals(w4, instanceModule(d, "u2"));          // identical netlists share one module
        assertEquals(3, d.modules().size());
    }

    @Test void suffixesDoNotDependOnElaborationOrderOrOnOtherModules() {
        Design a = top(4, 5), b = top(5, 4), c = top(4, 6, 5);
        assertEquals(instanceModule(a, "u0"), instanceModule(b, "u1"));   // Width(4) in both orders
        assertEquals(instanceModule(a, "u1"), instanceModule(b, "u0"));   // Width(5)
        assertEquals(instanceModule(a, "u0"), instanceModule(c, "u0"));   // a third variant changes nothing
        assertEquals(instanceModule(a, "u1"), instanceModule(c, "u2"));
    }

    @Test void netlistsWhoseKeysShareTheirFirstDigitsShowMoreOfThem() {
        assertEquals(List.of("1f3a09c2", "5e77aa01"), ModuleNames.suffixes(List.of(0x1f3a09c2_0000_0001L, 0x5e77aa01_ffff_0000L)));
        assertEquals(List.of("1f3a09c20", "1f3a09c21"), ModuleNames.suffixes(List.of(0x1f3a09c2_0000_0001L, 0x1f3a09c2_1000_0000L)));
    }

    @Test void twoNetlistsWithOneKeyStillGetTwoNames() {
        // Different netlists with equal 64-bit keys (a hash collision): the later one takes the next free key.
        assertEquals(List.of("1f3a09c200000001", "1f3a09c200000002", "1f3a09c200000003"),
                ModuleNames.suffixes(List.of(0x1f3a09c2_0000_0001L, 0x1f3a09c2_0000_0001L, 0x1f3a09c2_0000_0002L)));
    }
}
