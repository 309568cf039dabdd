package defernorm.hdl;

import static defernorm.hdl.Expect.at;
import static defernorm.hdl.Expect.errors;
import static defernorm.hdl.Expect.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import defernorm.hdl.ir.Check;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** assertThat/cover and black boxes in the IR, and their problems at the user's line. */
class ChecksAndBlackBoxElaborationTest {
    private static final String F = "ChecksAndBlackBoxElaborationTest.java";
    private final int[] l = new int[2];

    @Test void checksCarryTheirWhenConditionAndMakeTheModuleClocked() {
        Design d = Elaborator.elaborate(new Component("C") {{
            Signal a = input("a", Type.uint(4));
            Signal go = input("go", Type.bool());
            when(go, () -> assertThat(a.ne(0), "a is set when going"));
            l[0] = line(); cover(a.eq(15), "full");
            output("y", Type.uint(4)).set(a);
        }});
        List<Check> checks = d.topModule().checks();
        assertEquals(2, checks.size());
        assertEquals(Check.Kind.ASSERT, checks.get(0).kind());
        assertEquals("go", checks.get(0).enable());
        assertNull(checks.get(1).enable());
        assertEquals("full", checks.get(1).name());
        assertEquals(at(F, l[0]), checks.get(1).loc() + ": ");
        assertEquals(true, d.isClocked("C"));
    }

    @Test void badConditionsAndNamesAreReportedAtTheUsersLine() {
        errors(new Component("C") {{
            Signal a = input("a", Type.uint(4));
            l[0] = line(); assertThat(a, "not a Bool");
            l[1] = line(); cover(a.eq(1), "two words");
            output("y", Type.uint(4)).set(a);
        }}, at(F, l[0]) + "the condition of assertThat must be a Bool (UInt(1)), but input 'a' is UInt(4).",
                at(F, l[1]) + "cover point name 'two words' is not an identifier (a letter, then letters, digits or _).");
    }

    @Test void aBlackBoxMustDefineItsModule() {
        class Wrong extends BlackBox {
            Wrong() {
                super("Adder", "module Other; endmodule", false);
                input("a", Type.uint(4));
            }
        }
        errors(new Component("T") {{
            Signal a = input("a", Type.uint(4));
            instance("u", new Wrong()).in("a", a);
        }}, at(F, WRONG_SUPER_LINE) + "the Verilog of black box 'Adder' does not define module 'Adder'.");
    }

    /** The line of {@code super("Adder", ...)} above: a black box's problems point at its constructor. */
    private static final int WRONG_SUPER_LINE = 51;
}
