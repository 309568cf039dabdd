package defernorm.hdl.emit;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Type;
import org.junit.jupiter.api.Test;

import java.util.List;

import static defernorm.hdl.ir.Node.BinaryOp.ADD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emitter reads a net once in a sign extension only while Verilator 5.006 could not nest more than
 * {@code SubstitutionDepth.BOUND - 1} of them in one substituted expression (its build grows exponentially with
 * that nesting); {@link SubstitutionDepth} says why.
 */
class SignExtensionDepthTest {
    private static final int K = SubstitutionDepth.BOUND;

    /** A register feeding {@code n} signed adds in a row, each sum read only by the next add; the last one registered. */
    private static Design chain(int n) {
        IrBuilder b = new IrBuilder("Chain");
        String x = b.in("x", Type.sint(8));
        String sum = b.reg("x_q", Type.sint(8), "x", null, 0L);
        for (int i = 1; i <= n; i++) sum = b.bin("_s" + i, ADD, Type.sint(8 + i), sum, b.lit("_one" + i, Type.sint(8 + i - 1), 1));
        b.reg("y_q", Type.sint(8 + n), sum, null, 0L);
        b.out("y", Type.sint(8 + n), "y_q");
        return new Design("Chain", List.of(b.build()));
    }

    private static String assignOf(String text, String net) {
        int at = text.indexOf("assign " + net + " = ");
        assertTrue(at >= 0, net + " in\n" + text);
        return text.substring(at, text.indexOf('\n', at));
    }

    @Test
    void aLongChainReadsItsSumTwiceEveryKLevels() {
        int n = 1000;   // thousands of levels: one pass, no recursion
        String text = VerilogEmitter.emit(chain(n)).get(0).text();
        for (int i = 2; i <= n; i++) {
            String prev = "_s" + (i - 1), line = assignOf(text, "_s" + i);
            // _s1 (read from a register) has depth 0; _s2.._s(K-1) read their sum once; _sK reads it twice; and so on.
            boolean twice = (i - 1) % K == 0;
            String once = "{({1'd0, " + prev + "} ^ ";
            String bitCopy = "{" + prev + "[" + (8 + i - 2) + "], " + prev + "}";
            assertEquals(twice, line.contains(bitCopy), line);
            assertEquals(!twice, line.contains(once), line);
        }
    }

    @Test
    void registersAndPortsAreExtendedByCopyingTheSignBit() {
        String text = VerilogEmitter.emit(chain(3)).get(0).text();
        assertTrue(assignOf(text, "_s1").contains("{x_q[7], x_q}"), text);
    }
}
