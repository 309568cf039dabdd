package defernorm.hdl;

import static defernorm.hdl.Expect.at;
import static defernorm.hdl.Expect.errors;
import static defernorm.hdl.Expect.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.hdl.ir.Type;
import org.junit.jupiter.api.Test;

class WidthCheckTest {
    private static final String F = "WidthCheckTest.java";
    private final int[] l = new int[4];

    @Test void bitwiseWidthMismatchNamesBothTypesAndTheLine() {
        errors(new Component("M") {{
            Signal a = input("a", Type.uint(8)), b = input("b", Type.uint(9));
            l[0] = line(); Signal s = a.and(b);
            output("y", Type.uint(8)).set(s);
        }}, at(F, l[0]) + "and needs the same width on both sides, but got UInt(8) and UInt(9); use resize, extend or truncate.");
    }

    @Test void signedUnsignedMixIsItsOwnError() {
        errors(new Component("M") {{
            Signal a = input("a", Type.uint(8)), b = input("b", Type.sint(8));
            l[0] = line(); Signal s = a.eq(b);
            output("y", Type.bool()).set(s);
        }}, at(F, l[0]) + "eq mixes UInt(8) and SInt(8); convert one side with asSigned() or asUnsigned().");
    }

    @Test void allProblemsAreReportedTogetherInOrder() {
        errors(new Component("M") {{
            Signal a = input("a", Type.uint(8)), b = input("b", Type.sint(4));
            l[0] = line(); Signal s = a.times(b);
            Output y = output("y", Type.uint(8));
            l[1] = line(); y.set(s);
            l[2] = line(); Signal c = lit(256, Type.uint(8));
            output("z", Type.uint(8)).set(c);
        }},
            at(F, l[0]) + "times mixes UInt(8) and SInt(4); convert one side with asSigned() or asUnsigned().",
            at(F, l[1]) + "setting output 'y' needs the same width on both sides, but got UInt(8) and UInt(12); use resize, extend or truncate.",
            at(F, l[2]) + "constant 256 does not fit UInt(8) (range 0..255).");
    }

    @Test void constantOfASignalsTypeMustFit() {
        errors(new Component("M") {{
            Signal a = input("a", Type.sint(4));
            l[0] = line(); output("y", Type.bool()).set(a.lt(8));
        }}, at(F, l[0]) + "constant 8 does not fit SInt(4) (range -8..7).");
    }

    @Test void sliceAndTruncateOutOfRange() {
        errors(new Component("M") {{
            Signal a = input("a", Type.uint(8));
            l[0] = line(); output("y", Type.uint(2)).set(a.slice(9, 8));
            l[1] = line(); output("z", Type.uint(9)).set(a.truncate(9));
        }},
            at(F, l[0]) + "slice(9, 8) is out of range for UInt(8) (bits 7..0).",
            at(F, l[1]) + "truncate(9) needs a width between 1 and 8 for UInt(8); use extend to widen.");
    }

    @Test void conditionsMustBeBool() {
        errors(new Component("M") {{
            Signal a = input("a", Type.uint(2));
            Wire w = wire("w", Type.uint(2));
            w.set(a);
            l[0] = line(); when(a, () -> w.set(a));
            output("y", Type.uint(2)).set(w);
        }}, at(F, l[0]) + "a when condition must be a Bool (UInt(1)), but input 'a' is UInt(2).");
    }

    @Test void resultTypesFollowTheWidthRules() {
        Type[] t = new Type[12];
        new Component("M") {{
            Signal u = input("u", Type.uint(8)), s = input("s", Type.sint(8)), w = input("w", Type.uint(3));
            t[0] = u.plus(u).type();
            t[1] = u.minus(u).type();
            t[2] = s.times(s.extend(12)).type();
            t[3] = u.neg().type();
            t[4] = s.shl(3).type();
            t[5] = s.shr(3).type();
            t[6] = u.shr(20).type();
            t[7] = u.shl(w).type();
            t[8] = Signal.cat(u, s, w).type();
            t[9] = s.slice(7, 4).type();
            t[10] = s.ge(-3).type();
            t[11] = s.shr(8).type();
        }};
        assertEquals(Type.uint(9), t[0]);
        assertEquals(Type.sint(9), t[1]);
        assertEquals(Type.sint(20), t[2]);
        assertEquals(Type.sint(9), t[3]);
        assertEquals(Type.sint(11), t[4]);
        assertEquals(Type.sint(5), t[5]);
        assertEquals(Type.uint(1), t[6]);
        assertEquals(Type.uint(8), t[7]);
        assertEquals(Type.uint(19), t[8]);
        assertEquals(Type.uint(4), t[9]);
        assertEquals(Type.bool(), t[10]);
        assertEquals(Type.sint(1), t[11]);
    }
}
