package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.emit.VerilogFile;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chain of instances 5,000 deep elaborates and emits (no recursion as deep as the hierarchy). */
class DeepHierarchyTest {
    static final int DEPTH = 5000;

    /** The clocked leaf: a register. */
    static final class Leaf extends Component {
        Leaf() {
            super("Leaf");
            Signal a = input("a", Type.uint(8));
            Reg r = reg("r", Type.uint(8)).resetTo(0);
            r.set(a);
            output("y", Type.uint(8)).set(r);
        }
    }

    /** Level {@code level}: passes its input down to {@code child} and its output up, inverted. */
    static final class Link extends Component {
        Link(int level, Component child) {
            super("Link_" + level);
            Signal a = input("a", Type.uint(8));
            Inst c = instance("u", child).in("a", a);
            output("y", Type.uint(8)).set(c.out("y").not());
        }
    }

    @Test
    void aChainFiveThousandDeepElaboratesAndEmits() {
        Component m = new Leaf();
        for (int level = 1; level <= DEPTH; level++) m = new Link(level, m);   // built bottom up: no deep Java recursion here
        Design d = Elaborator.elaborate(m);
        assertEquals(DEPTH + 1, d.modules().size());
        assertTrue(d.isClocked(d.top()), "the leaf's register makes every level clocked");
        List<VerilogFile> files = VerilogEmitter.emit(d);
        assertEquals(DEPTH + 1, files.size());
        String top = files.get(files.size() - 1).text();
        assertTrue(top.contains("Link_" + (DEPTH - 1) + " u ("), top);
        assertTrue(top.contains(".clk(clk)"), top);
    }
}
