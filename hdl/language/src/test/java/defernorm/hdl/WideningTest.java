package defernorm.hdl;

import static defernorm.hdl.Expect.at;
import static defernorm.hdl.Expect.errors;
import static defernorm.hdl.Expect.line;
import static defernorm.hdl.LoweringTest.node;
import static defernorm.hdl.LoweringTest.top;
import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import org.junit.jupiter.api.Test;

/** Arithmetic and comparisons widen the narrower operand of one signedness; set, bitwise ops and mixes stay exact. */
class WideningTest {
    private static final String F = "WideningTest.java";
    private final int[] l = new int[4];

    @Test void signedOperandsAreSignExtendedToTheWiderOne() {
        ModuleIr m = top(new Component("W") {{
            Signal a = input("a", Type.sint(17)), b = input("b", Type.sint(16));
            Signal sum = a.plus(b), diff = b.minus(a), lt = b.lt(a);
            assertEquals(Type.sint(18), sum.type());
            assertEquals(Type.sint(18), diff.type());
            output("sum", sum.type()).set(sum);
            output("diff", diff.type()).set(diff);
            output("lt", Type.bool()).set(lt);
        }});
        Node.Binary add = (Node.Binary) node(m, ((Node.Output) node(m, "sum")).source());
        assertEquals("a", add.a());
        Node.Resize ext = (Node.Resize) node(m, add.b());       // sign-extension of b (Resize keeps the signedness)
        assertEquals(java.util.List.of("b", Type.sint(17)), java.util.List.of(ext.arg(), ext.type()));
    }

    @Test void unsignedComparisonsWidenToo() {
        ModuleIr m = top(new Component("U") {{
            Signal a = input("a", Type.uint(3)), b = input("b", Type.uint(9));
            output("eq", Type.bool()).set(a.eq(b));
            output("ge", Type.bool()).set(b.ge(a));
            output("sum", Type.uint(10)).set(a.plus(b));
        }});
        assertEquals(Type.uint(10), node(m, "sum").type());
    }

    @Test void mixedSignednessBitwiseWidthsAndSetStayErrors() {
        errors(new Component("E") {{
            Signal a = input("a", Type.sint(17)), b = input("b", Type.uint(16)), c = input("c", Type.sint(16));
            l[0] = line(); Signal s = a.plus(b);
            l[1] = line(); Signal x = a.xor(c);
            Output y = output("y", Type.sint(17));
            l[2] = line(); y.set(a.plus(c));
            output("z", Type.sint(18)).set(s);
            output("w", Type.sint(17)).set(x);
        }},
            at(F, l[0]) + "plus mixes SInt(17) and UInt(16); convert one side with asSigned() or asUnsigned().",
            at(F, l[1]) + "xor needs the same width on both sides, but got SInt(17) and SInt(16); use resize, extend or truncate.",
            at(F, l[2]) + "setting output 'y' needs the same width on both sides, but got SInt(17) and SInt(18); use resize, extend or truncate.");
    }
}
