package defernorm.hdl;

import static defernorm.hdl.Expect.at;
import static defernorm.hdl.Expect.errors;
import static defernorm.hdl.Expect.line;

import defernorm.hdl.ir.Type;
import org.junit.jupiter.api.Test;

class DriverCheckTest {
    private static final String F = "DriverCheckTest.java";
    private final int[] l = new int[4];

    @Test void undrivenOutputWireAndRegister() {
        errors(new Component("M") {{
            Signal a = input("a", Type.bool());
            l[0] = line(); output("y", Type.bool());
            l[1] = line(); Wire w = wire("w", Type.bool());
            l[2] = line(); Reg r = reg("r", Type.bool());
            output("z", Type.bool()).set(a.and(w).and(r));
        }},
            at(F, l[0]) + "output 'y' is never set, so it has no driver.",
            at(F, l[1]) + "wire 'w' is never set, so it has no driver.",
            at(F, l[2]) + "register 'r' is never set, so its input has no driver.");
    }

    @Test void twoUnconditionalSetsOfOneNet() {
        errors(new Component("M") {{
            Signal a = input("a", Type.bool()), b = input("b", Type.bool());
            Wire w = wire("w", Type.bool());
            l[0] = line(); w.set(a);
            l[1] = line(); w.set(b);
            output("y", Type.bool()).set(w);
        }}, at(F, l[1]) + "wire 'w' is set twice unconditionally (first at " + F + ":" + l[0]
                + "); use when/otherwise to choose between values.");
    }

    @Test void declaredAndDrivenOutputReportsTheUsersLine() {
        errors(new Component("M") {{
            Signal a = input("a", Type.uint(4)), b = input("b", Type.uint(4));
            l[0] = line(); Output y = output("y", a.plus(b));
            l[1] = line(); y.set(a.plus(b));
        }}, at(F, l[1]) + "output 'y' is set twice unconditionally (first at " + F + ":" + l[0]
                + "); use when/otherwise to choose between values.");
    }

    @Test void outputSetTwiceInOneWhenBlock() {
        errors(new Component("M") {{
            Signal a = input("a", Type.bool()), c = input("c", Type.bool());
            Output y = output("y", Type.bool());
            y.set(a);
            when(c, () -> {
                l[0] = line(); y.set(a.not());
                l[1] = line(); y.set(a);
            });
        }}, at(F, l[1]) + "output 'y' is set twice in the same when block (first at " + F + ":" + l[0]
                + "); use when/otherwise to choose between values.");
    }

    @Test void instanceInputConnectedTwiceOrNotAtAll() {
        Component child = new Component("Child") {{
            Signal x = input("x", Type.bool()), y = input("y", Type.bool());
            output("o", Type.bool()).set(x.and(y));
        }};
        errors(new Component("Parent") {{
            Signal a = input("a", Type.bool());
            l[0] = line(); Inst i = instance("u0", child);
            l[1] = line(); i.in("x", a);
            l[2] = line(); i.in("x", a.not());
            output("o", Type.bool()).set(i.out("o"));
        }},
            at(F, l[0]) + "input 'y' of instance 'u0' (module 'Child') is not connected.",
            at(F, l[2]) + "input 'x' of instance 'u0' is connected twice (first at " + F + ":" + l[1] + ").");
    }

    @Test void wireSetOnlyUnderAConditionWouldBeALatch() {
        errors(new Component("M") {{
            Signal a = input("a", Type.bool()), c = input("c", Type.bool()), d = input("d", Type.bool());
            Wire w = wire("w", Type.bool());
            l[0] = line(); when(c, () -> w.set(a))
                .elseWhen(d, () -> w.set(a.not()));
            output("y", Type.bool()).set(w);
        }}, at(F, l[0]) + "wire 'w' is set under this when but not on every path and has no default, so it would"
                + " infer a latch; set it unconditionally before the when.");
    }

    @Test void aDefaultOrAnOtherwiseMakesItComplete() {
        Elaborator.elaborate(new Component("M") {{
            Signal a = input("a", Type.bool()), c = input("c", Type.bool());
            Wire w = wire("w", Type.bool());
            w.set(a);
            when(c, () -> w.set(a.not()));
            Wire v = wire("v", Type.bool());
            when(c, () -> v.set(a)).otherwise(() -> v.set(c));
            output("y", Type.bool()).set(w.xor(v));
        }});
    }
}
