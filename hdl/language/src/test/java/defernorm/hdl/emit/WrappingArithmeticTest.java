package defernorm.hdl.emit;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Type;
import org.junit.jupiter.api.Test;

import java.util.List;

import static defernorm.hdl.ir.Node.BinaryOp.ADD;
import static defernorm.hdl.ir.Node.BinaryOp.MUL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A truncated add, subtract, multiply or negation is written as the wrapping operation of the truncation's width,
 * and its wider net is not declared ({@link WrappingArithmetic}); the engines agree on it in cosim's
 * differential tests, and the tools accept it ({@link IrFixtures#wrapping()} is among the designs they check).
 */
class WrappingArithmeticTest {
    private static final String TEXT = VerilogEmitter.emit(IrFixtures.wrapping()).get(0).text();

    private static String assignOf(String text, String net) {
        int at = text.indexOf("assign " + net + " = ");
        assertTrue(at >= 0, net + " in\n" + text);
        return text.substring(at, text.indexOf(';', at) + 1);
    }

    private static void assertFolded(String truncation, String inner, String rhs) {
        assertEquals("assign " + truncation + " = " + rhs + ";", assignOf(TEXT, truncation));
        assertFalse(TEXT.contains(" " + inner + ";") || TEXT.contains(inner + "["), inner + " is still declared or read:\n" + TEXT);
    }

    @Test
    void addsSubtractsAndNegationsOfBothSignednessesWrapAtTheTruncatedWidth() {
        assertFolded("_s_add_t", "_s_add", "sa + sb");
        assertFolded("_u_add_t", "_u_add", "ua + ub");   // a slice [7:0] is a truncation too
        assertFolded("_u_sub_t", "_u_sub", "ua - ub");
        assertFolded("_s_sub_t", "_s_sub", "sa - sb");
        assertFolded("_u_neg_t", "_u_neg", "-ua");
        assertFolded("_s_neg_t", "_s_neg", "-sa");
    }

    @Test
    void multipliesOfMixedWidthsExtendEachOperandToTheTruncatedWidthWithItsSignedness() {
        // sa is read by many nodes, s6 by one (SubstitutionDepth picks each sign extension's spelling)
        assertFolded("_s_mul_t", "_s_mul", "{({2'd0, sa} ^ 10'd128) - 10'd128} * {{4{s6[5]}}, s6}");
        assertFolded("_u_mul_t", "_u_mul", "{1'b0, ua} * {{6{1'b0}}, u3}");
    }

    @Test
    void aChainAddsAt32BitsLikeHandWrittenVerilog() {
        assertFolded("_sum1_t", "_sum1", "acc_q + _p_ext");
        assertFolded("_sum2_t", "_sum2", "_sum1_t + _p_ext");
        assertFalse(TEXT.contains("wire signed [32:0]"), TEXT);
    }

    @Test
    void namedTwiceReadDebugAndOverNarrowedSumsStayWideNets() {
        assertEquals("assign _named_t = sum_named[7:0];", assignOf(TEXT, "_named_t"));
        assertEquals("assign _twice_t = _twice[7:0];", assignOf(TEXT, "_twice_t"));
        assertEquals("assign _dbg_t = _dbg_sum[7:0];", assignOf(TEXT, "_dbg_t"));
        assertEquals("assign _narrow_t = _narrow[3:0];", assignOf(TEXT, "_narrow_t"));
    }

    @Test
    void aSumAMemoryAlsoWritesStaysWhole() {
        IrBuilder b = new IrBuilder("MemSum");
        String a = b.in("a", Type.uint(8)), c = b.in("c", Type.uint(8)), we = b.in("we", Type.bool());
        String sum = b.bin("_sum", ADD, Type.uint(9), a, c);
        b.memory("m", 9, 2, List.of(), we, b.slice("_a0", a, 0, 0), sum);
        b.out("lo", Type.uint(8), b.resize("_lo", Type.uint(8), sum));
        b.out("q", Type.uint(9), b.memRead("q_r", Type.uint(9), "m", "_a0", null));
        String text = VerilogEmitter.emit(new Design("MemSum", List.of(b.build()))).get(0).text();
        assertEquals("assign _lo = _sum[7:0];", assignOf(text, "_lo"));
    }

    @Test
    void theUnusedBitSinkListsNoFoldedNet() {
        String sink = TEXT.substring(TEXT.indexOf("wire _unused_ok"));
        assertEquals("wire _unused_ok = &{1'b0, sum_named[8], _dbg_sum[8], _narrow[8:4], 1'b0};", sink.substring(0, sink.indexOf('\n')));
    }

    /**
     * Sign extensions spelled inside a folded multiply count towards {@link SubstitutionDepth}: a chain of
     * {@code s(i) = (s(i-1) * k)[w:0]}, each {@code s(i-1)} sign-extended by one bit inside the product, still
     * reads its operand twice every {@code BOUND} links, so Verilator's substitution stays bounded.
     */
    @Test
    void signExtensionsInsideAFoldedMultiplyKeepTheSubstitutionBound() {
        int n = 200, k = SubstitutionDepth.BOUND;
        IrBuilder b = new IrBuilder("MulChain");
        String s = b.reg("x_q", Type.sint(8), b.in("x", Type.sint(8)), null, 0L);
        String two = b.lit("_two", Type.sint(2), 1);
        for (int i = 1; i <= n; i++) {
            int w = 8 + i;   // s(i-1) has w-1 bits, the product w+1, the truncation w
            s = b.resize("_s" + i, Type.sint(w), b.bin("_m" + i, MUL, Type.sint(w + 1), s, two));
        }
        b.out("y", Type.sint(8 + n), b.reg("y_q", Type.sint(8 + n), s, null, 0L));
        String text = VerilogEmitter.emit(new Design("MulChain", List.of(b.build()))).get(0).text();
        for (int i = 2; i <= n; i++) {
            String prev = "_s" + (i - 1), line = assignOf(text, "_s" + i);
            boolean twice = (i - 1) % k == 0;
            assertEquals(twice, line.contains("{" + prev + "[" + (8 + i - 2) + "], " + prev + "}"), line);
            assertEquals(!twice, line.contains("{({1'd0, " + prev + "} ^ "), line);
        }
    }

    @Test
    void anAddThatIsNotTruncatedKeepsItsCarry() {
        IrBuilder b = new IrBuilder("Carry");
        b.out("y", Type.sint(9), b.bin("_s", ADD, Type.sint(9), b.in("a", Type.sint(8)), b.in("c", Type.sint(8))));
        String text = VerilogEmitter.emit(new Design("Carry", List.of(b.build()))).get(0).text();
        assertEquals("assign _s = {a[7], a} + {c[7], c};", assignOf(text, "_s"));
    }
}
