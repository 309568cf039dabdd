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
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Enum-typed signals for state machines: encoding, named constants, is/switchOn/resetTo, and their checks. */
class EnumTest {
    private static final String F = "EnumTest.java";
    private final int[] l = new int[4];

    enum State { IDLE, LOAD, RUN, DONE, ERROR }
    enum Mode { ON, OFF }

    @Test void anEnumRegisterIsAClog2UIntWithNamedConstants() {
        ModuleIr m = top(new Component("Fsm") {{
            Signal go = input("go", Type.bool());
            Reg state = reg("state_q", State.class).resetTo(State.LOAD);
            assertEquals(Type.uint(3), state.type());
            assertEquals(State.class, state.enumClass());
            switchOn(state)
                    .is(State.IDLE, () -> when(go, () -> state.set(lit(State.LOAD))))
                    .is(State.LOAD, () -> state.set(lit(State.RUN)))
                    .is(State.RUN, () -> state.set(lit(State.DONE)))
                    .otherwise(() -> state.set(lit(State.IDLE)));
            output("busy", Type.bool()).set(state.is(State.RUN));
            output("state", State.class).set(state);
        }});
        assertEquals(BigInteger.ONE, ((Node.Reg) node(m, "state_q")).reset());
        assertEquals(BigInteger.TWO, ((Node.Const) node(m, "State_RUN")).value());
        assertEquals(Type.uint(3), node(m, "state").type());
    }

    enum Colour { RED, GREEN, BLUE, CYAN, PINK }   // as wide as State

    @Test void mixingEnumsOrPlainValuesIsReportedAtTheLine() {
        errors(new Component("Mix") {{
            Signal raw = input("raw", Type.uint(3));
            Reg state = reg("state_q", State.class);
            l[0] = line(); Signal bad = raw.is(State.RUN);
            l[1] = line(); switchOn(state).is(Colour.RED, () -> {});
            l[2] = line(); state.set(lit(Colour.BLUE));
            output("y", Type.bool()).set(bad.and(state.is(State.DONE)));
        }},
            at(F, l[0]) + "is(State.RUN) needs a State signal, but input 'raw' is UInt(3).",
            at(F, l[1]) + "switch case Colour.RED needs a Colour signal, but register 'state_q' is a State.",
            at(F, l[2]) + "setting register 'state_q' needs a State, but got a Colour.");
    }

    @Test void aMuxOfTwoValuesOfOneEnumKeepsTheEnum() {
        top(new Component("Keep") {{
            Reg state = reg("state_q", State.class).resetTo(State.IDLE);
            Signal next = Signal.mux(input("c", Type.bool()), lit(State.RUN), lit(State.DONE));
            assertEquals(State.class, next.enumClass());
            state.set(next);
            output("y", Type.bool()).set(state.is(State.RUN));
        }});
    }
}
