package defernorm.hdl.emit;

import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static defernorm.hdl.ir.Node.BinaryOp.ADD;
import static defernorm.hdl.ir.Node.BinaryOp.AND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-module lookups the emitter's passes share ({@link ModuleIndex}). */
class ModuleIndexTest {
    private static final Type U8 = Type.uint(8);

    @Test void countsEachOperandReadAndEachReadOutsideNodes() {
        IrBuilder b = new IrBuilder("M");
        b.in("a", U8);
        b.in("we", Type.bool());
        b.bin("_dbl", ADD, Type.uint(9), "a", "a");          // reads a twice
        b.bin("_both", AND, Type.bool(), "we", "we");
        b.out("y", Type.uint(9), "_dbl");
        b.memory("mem", 8, 4, List.of(), "we", "_two", "a");  // a and we read by the write port
        b.slice("_two", "a", 1, 0);
        b.instance("u", "Child", "x", "a");                   // and a by a child's input
        b.debug("_dbl");
        ModuleIndex index = ModuleIndex.of(b.build());

        assertEquals(List.of("_dbl", "_dbl", "_two"), index.readers("a").stream().map(Node::name).toList());
        assertEquals(5, index.reads("a"), "two operand reads of _dbl, one of _two, the write data and the child input");
        assertEquals(3, index.reads("we"), "both operands of _both and the write enable");
        assertEquals(1, index.reads("_two"));
        assertEquals(1, index.reads("_dbl"));
        assertEquals(0, index.reads("y"));
        assertEquals(List.of(), index.readers("y"));
        assertEquals(Set.of("a", "we", "_two"), index.readsOutsideNodes());
        assertTrue(index.readOutsideNodes("_two"));
        assertFalse(index.readOutsideNodes("_dbl"));
        assertTrue(index.isDebug("_dbl"));
        assertFalse(index.isDebug("a"));
        assertEquals(Type.uint(9), index.node("_dbl").type());
        assertNull(index.node("nowhere"));
    }
}
