package defernorm.hdl;

import static defernorm.hdl.Expect.at;
import static defernorm.hdl.Expect.errors;
import static defernorm.hdl.Expect.line;
import static defernorm.hdl.LoweringTest.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Child instance ports connected through the child's own port handles instead of strings. */
class TypedInstanceTest {
    private static final String F = "TypedInstanceTest.java";
    private final int[] l = new int[4];

    record Pair(Signal x, Signal y) {
        static Shape<Pair> of() { return f -> new Pair(f.field(Type.uint(4)), f.flipped(Type.uint(4))); }
    }

    /** y = x + 1 (truncated), a 4-bit adder a + b, and a bundle whose y flows back. */
    static final class Child extends Component {
        final Signal a, b;
        final Output sum;
        final Pair pair;

        Child() {
            super("Child");
            a = input("a", Type.uint(4));
            b = input("b", Type.uint(4));
            sum = output("sum", Type.uint(5));
            sum.set(a.plus(b));
            pair = input("p", Pair.of());
            pair.y().set(pair.x().plus(1).truncate(4));
        }
    }

    @Test void portHandlesConnectInputsAndReadOutputs() {
        Design d = Elaborator.elaborate(new Component("Parent") {{
            Child c = new Child();
            Inst u = instance("u", c);
            Signal go = input("go", Type.bool()), v = input("v", Type.uint(4));
            u.in(c.a, v);
            Signal b = u.port(c.b);
            b.set(lit(0, Type.uint(4)));
            when(go, () -> b.set(v));                   // an instance input is a wire: conditional sets work
            Pair p = u.port(c.pair);
            p.x().set(u.out(c.sum).truncate(4));
            output("y", Type.uint(4)).set(p.y());
        }});
        ModuleIr parent = d.topModule();
        Instance u = parent.instances().getFirst();
        assertEquals(List.of("a", "b", "p_x"), u.inputs().stream().map(Instance.Connection::port).toList());
        // the instance reads what drives each input: the same Verilog as the string form, no wire in between
        assertEquals("v", u.inputs().getFirst().net());
        assertInstanceOf(Node.Mux.class, node(parent, u.inputs().get(1).net()));
        assertEquals(false, parent.nodes().stream().anyMatch(n -> n.name().equals("u_a")));
        assertEquals("u_p_y", ((Node.Output) node(parent, "y")).source());
    }

    @Test void typedAndStringConnectionsEmitTheSameNetlist() {
        class Parent extends Component {
            Parent(boolean typed) {
                super("Parent");
                Child c = new Child();
                Inst u = instance("u", c);
                Signal v = input("v", Type.uint(4)), w = input("w", Type.uint(4));
                if (typed) u.in(c.a, v).in(c.b, w).in(c.pair.x(), v);
                else u.in("a", v).in("b", w).in("p_x", v);
                Signal sum = typed ? u.out(c.sum) : u.out("sum");
                Signal y = typed ? u.port(c.pair).y() : u.out("p_y");
                output("y", Type.uint(5)).set(sum.xor(y.extend(5)));
            }
        }
        assertEquals(Elaborator.withoutLocs(Elaborator.elaborate(new Parent(false)).topModule()),
                Elaborator.withoutLocs(Elaborator.elaborate(new Parent(true)).topModule()));
    }

    @Test void typedMisuseIsReportedAtTheUsersLine() {
        errors(new Component("Parent") {{
            Child c = new Child(), other = new Child();
            l[3] = line(); Inst u = instance("u", c);
            Signal v = input("v", Type.uint(4));
            l[0] = line(); u.in(other.a, v);
            l[1] = line(); u.in(c.sum, v);
            u.in(c.a, v);
            l[2] = line(); u.in("a", v);
            output("y", Type.uint(5)).set(u.out(c.sum));
        }},
            at(F, l[3]) + "input 'b' of instance 'u' (module 'Child') is not connected.",
            at(F, l[3]) + "input 'p_x' of instance 'u' (module 'Child') is not connected.",
            at(F, l[0]) + "input 'a' is not a port of module 'Child' (instance 'u').",
            at(F, l[1]) + "'sum' is an output of module 'Child', not an input; read it with out().",
            at(F, l[2]) + "input 'a' of instance 'u' is connected twice (first at " + F + ":" + (l[2] - 1) + ").");
    }
}
