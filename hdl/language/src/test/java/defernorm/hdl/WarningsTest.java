package defernorm.hdl;

import static defernorm.hdl.Expect.at;
import static defernorm.hdl.Expect.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.hdl.ir.Type;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Warnings reach the user by default (stderr, once each, at the line); a caller can take them instead. */
class WarningsTest {
    private static final String F = "WarningsTest.java";
    private final int[] l = new int[1];

    private Component spare() {
        return new Component("Spare") {{
            Signal a = input("a", Type.uint(4));
            l[0] = line(); input("spare", Type.bool());
            output("y", Type.uint(4)).set(a);
        }};
    }

    @Test void elaboratePrintsEachWarningToStandardError() {
        Component m = spare();
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Elaborator.elaborate(m);
        } finally {
            System.setErr(saved);
        }
        assertEquals(at(F, l[0]) + "warning: input 'spare' of module 'Spare' is never used." + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test void aCallerCanCollectOrDropThem() {
        List<Diagnostic> got = new ArrayList<>();
        Elaborator.elaborate(spare(), got::add);
        assertEquals(List.of(at(F, l[0]) + "warning: input 'spare' of module 'Spare' is never used."),
                got.stream().map(Diagnostic::toString).toList());
        assertEquals(1, Elaborator.elaborateWithWarnings(spare()).warnings().size());
    }

    enum Phase { IDLE, RUN, DONE }

    private Component fsm(boolean complete, boolean otherwise) {
        return new Component("Fsm") {{
            Signal go = input("go", Type.bool());
            Reg phase = reg("phase_q", Phase.class).resetTo(Phase.IDLE);
            l[0] = line(); SwitchChain s = switchOn(phase)
                    .is(Phase.IDLE, () -> when(go, () -> phase.set(lit(Phase.RUN))))
                    .is(Phase.RUN, () -> phase.set(lit(Phase.DONE)));
            if (complete) s.is(Phase.DONE, () -> phase.set(lit(Phase.IDLE)));
            if (otherwise) s.otherwise(() -> phase.set(lit(Phase.IDLE)));
            output("busy", Type.bool()).set(phase.is(Phase.RUN));
        }};
    }

    @Test void aSwitchOverAnEnumThatForgetsAValueWarnsAtTheSwitch() {
        List<Diagnostic> got = new ArrayList<>();
        Elaborator.elaborate(fsm(false, false), got::add);
        assertEquals(List.of(at(F, l[0]) + "warning: the switch on register 'phase_q' (a Phase) has no case for DONE"
                        + " and no otherwise; add them, or an otherwise."),
                got.stream().map(Diagnostic::toString).toList());
        assertEquals(0, Elaborator.elaborateWithWarnings(fsm(true, false)).warnings().size());
        assertEquals(0, Elaborator.elaborateWithWarnings(fsm(false, true)).warnings().size());
    }
}
