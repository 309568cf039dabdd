package defernorm.hdl;

import static defernorm.hdl.Expect.at;
import static defernorm.hdl.Expect.errors;
import static defernorm.hdl.Expect.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.hdl.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructureCheckTest {
    private static final String F = "StructureCheckTest.java";
    private final int[] l = new int[8];

    @Test void combinationalLoopPrintsEveryHop() {
        HdlException e = org.junit.jupiter.api.Assertions.assertThrows(HdlException.class, () -> Elaborator.elaborate(new Component("Loop") {{
            Signal x = input("x", Type.uint(4));
            l[0] = line(); Wire a = wire("a", Type.uint(4));
            l[1] = line(); Wire b = wire("b", Type.uint(4));
            l[2] = line(); b.set(a.xor(x));
            l[3] = line(); a.set(b);
            output("y", Type.uint(4)).set(a);
        }}));
        String[] lines = e.getMessage().split("\n");
        assertEquals(4, lines.length, e.getMessage());
        String xor = lines[0].replaceAll(".*-> (_xor_[0-9a-f]+) ->.*", "$1");
        assertEquals(List.of(
                at(F, l[3]) + "combinational loop in module 'Loop' with no register on it: a -> b -> " + xor + " -> a.",
                "    " + at(F, l[3]) + "wire 'a' reads 'b'",
                "    " + at(F, l[2]) + "wire 'b' reads '" + xor + "'",
                "    " + at(F, l[2]) + "xor '" + xor + "' reads 'a'"), List.of(lines));
    }

    @Test void loopThroughAChildInstance() {
        Component pass = new Component("Pass") {{
            Signal i = input("i", Type.bool());
            l[4] = line(); output("o", Type.bool()).set(i.not());
        }};
        errors(new Component("Top") {{
            l[0] = line(); Inst u = instance("u", pass);
            l[1] = line(); Signal o = u.out("o");
            l[2] = line(); u.in("i", o);
            output("y", Type.bool()).set(o);
        }}, at(F, l[1]) + "combinational loop in module 'Top' with no register on it: u_o -> u_o.",
            "    " + at(F, l[1]) + "instance output 'u_o' reads 'u_o' through instance 'u'");
    }

    @Test void aRegisterBreaksTheLoop() {
        Elaborator.elaborate(new Component("Ok") {{
            Reg r = reg("r", Type.uint(4)).resetTo(0);
            r.set(r.plus(1).truncate(4));
            output("y", Type.uint(4)).set(r);
        }});
    }

    @Test void illegalReservedAndDuplicateNames() {
        errors(new Component("M") {{
            l[0] = line(); Signal a = input("3x", Type.bool());
            l[1] = line(); Signal b = input("always_ff", Type.bool());
            l[2] = line(); Signal c = input("clk", Type.bool());
            l[3] = line(); Signal d = input("_t", Type.bool());
            l[4] = line(); Signal e = input("e", Type.bool());
            l[5] = line(); Wire w = wire("e", Type.bool());
            w.set(a.and(b).and(c).and(d).and(e));
            l[6] = line(); output("reg", Type.bool()).set(w);
        }},
            at(F, l[0]) + "input name '3x' is not a legal identifier; use letters, digits and '_', starting with a letter.",
            at(F, l[1]) + "input name 'always_ff' is a Verilog/SystemVerilog keyword; choose another name.",
            at(F, l[2]) + "input name 'clk' is reserved for the implicit clock and reset, which are added automatically.",
            at(F, l[3]) + "input name '_t' starts with '_', which is reserved for generated temporaries.",
            at(F, l[5]) + "wire name 'e' is already used by the input declared at " + F + ":" + l[4] + ".",
            at(F, l[6]) + "output name 'reg' is a Verilog/SystemVerilog keyword; choose another name.");
    }

    @Test void moduleNameMustBeLegal() {
        l[0] = line(); Component m = new Component("module") {{
            output("y", Type.bool()).set(lit(1, Type.bool()));
        }};
        errors(m, at(F, l[0]) + "module name 'module' is a Verilog/SystemVerilog keyword; choose another name.");
    }

    @Test void aSignalOfAnotherModuleCannotBeUsed() {
        Signal[] foreign = new Signal[1];
        new Component("Other") {{ foreign[0] = input("q", Type.bool()); }};
        errors(new Component("M") {{
            Signal a = input("a", Type.bool());
            l[0] = line(); output("y", Type.bool()).set(a.and(foreign[0]));
        }}, at(F, l[0]) + "input 'q' belongs to module 'Other' and cannot be used in module 'M'; pass it through a port.");
    }

    /** A parameterized module that leaves its parameter out of its name: the base name of ModuleNamingTest. */
    static final class Width extends Component {
        Width(int w) {
            super("Width");
            output("o", Type.uint(w)).set(input("a", Type.uint(w)));
        }
    }

    @Test void unusedInputIsOnlyAWarning() {
        Elaboration e = Elaborator.elaborateWithWarnings(new Component("M") {{
            l[0] = line(); input("spare", Type.uint(3));
            output("y", Type.bool()).set(lit(0, Type.bool()));
        }});
        assertEquals(List.of(at(F, l[0]) + "warning: input 'spare' of module 'M' is never used."),
                e.warnings().stream().map(Diagnostic::toString).toList());
        assertTrue(e.design().topModule().inputs().stream().anyMatch(i -> i.name().equals("spare")));
    }

    @Test void loopIsReportedTogetherWithOtherProblems() {
        HdlException e = org.junit.jupiter.api.Assertions.assertThrows(HdlException.class, () -> Elaborator.elaborate(new Component("Both") {{
            Wire a = wire("a", Type.bool());
            l[0] = line(); a.set(a.not());
            l[1] = line(); output("y", Type.uint(2)).set(a);
        }}));
        String[] lines = e.getMessage().split("\n");
        assertTrue(lines[0].startsWith(at(F, l[0]) + "combinational loop in module 'Both'"), e.getMessage());
        assertEquals(at(F, l[1]) + "setting output 'y' needs the same width on both sides, but got UInt(2) and UInt(1);"
                + " use resize, extend or truncate.", lines[lines.length - 1]);
    }

    @Test void duplicateSwitchCaseAndMisplacedElseWhen() {
        errors(new Component("M") {{
            Signal op = input("op", Type.uint(2)), c = input("c", Type.bool());
            Output y = output("y", Type.bool());
            y.set(c);
            l[0] = line(); switchOn(op).is(1, () -> y.set(c.not()))
            /* l[0] + 1 */    .is(1, () -> y.set(c));
            l[1] = line(); WhenChain w = when(c, () -> y.set(c.not()));
            output("z", Type.bool()).set(c);
            l[2] = line(); w.elseWhen(c, () -> y.set(c));
        }},
            at(F, l[0] + 1) + "switch case 1 appears twice (first at " + F + ":" + l[0] + ").",
            at(F, l[2]) + "elseWhen must directly follow its when (started at " + F + ":" + l[1] + ").");
    }
}
