package defernorm.hdl;

import static defernorm.hdl.Expect.at;
import static defernorm.hdl.Expect.errors;
import static defernorm.hdl.Expect.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.hdl.ir.Check;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
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
                super("Adder", "module Other; endmodule", false); l[1] = line();   // problems point at super(...)
                input("a", Type.uint(4));
            }
        }
        errors(new Component("T") {{
            Signal a = input("a", Type.uint(4));
            instance("u", new Wrong()).in("a", a);
        }}, at(F, l[1]) + "the Verilog of black box 'Adder' does not define module 'Adder'.");
    }

    @Test void aBlackBoxReadsItsVerilogFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Adder.v");
        Files.writeString(file, "module Adder (input wire [3:0] a, output wire [3:0] y); assign y = a; endmodule\n");
        class FromFile extends BlackBox {
            FromFile(Path p) {
                super("Adder", p, false);
                input("a", Type.uint(4));
                output("y", Type.uint(4));
            }
        }
        Design d = Elaborator.elaborate(new Component("T") {{
            Inst u = instance("u", new FromFile(file));
            u.in("a", input("a", Type.uint(4)));
            output("y", Type.uint(4)).set(u.out("y"));
        }});
        assertEquals(Files.readString(file), d.module("Adder").orElseThrow().blackBox().verilog());
        HdlException e = assertThrows(HdlException.class, () -> Elaborator.elaborate(new Component("T") {{
            instance("u", new FromFile(dir.resolve("missing.v"))).in("a", input("a", Type.uint(4)));
        }}));
        assertTrue(e.getMessage().contains("the Verilog file " + dir.resolve("missing.v") + " of black box 'Adder' does not exist."),
                e.getMessage());
    }
}
