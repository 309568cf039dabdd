package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Type;
import org.junit.jupiter.api.Test;

/** Naming stays linear and stack-safe when a deep chain reuses one base name for every level. */
class DeepNamingTest {
    /** Level k adds 1 to what level k-1 gives: every level is a different netlist named "Link". */
    static final class Link extends Component {
        Link(Component child) {
            super("Link");
            Signal a = input("a", Type.uint(8));
            if (child == null) {
                output("o", Type.uint(8)).set(a);
            } else {
                Inst u = instance("u", child);
                u.in("a", a.plus(1).truncate(8));
                output("o", Type.uint(8)).set(u.out("o"));
            }
        }
    }

    @Test void aThousandsDeepChainOfOneBaseNameGetsDistinctSuffixes() {
        Component c = null;
        for (int k = 0; k < 3000; k++) c = new Link(c);
        Design d = Elaborator.elaborate(c);
        assertEquals(3000, d.modules().size());
        assertEquals(3000, d.modules().stream().map(m -> m.name()).distinct().count());
        assertTrue(d.top().matches("Link_[0-9a-f]{8}"), d.top());
    }
}
