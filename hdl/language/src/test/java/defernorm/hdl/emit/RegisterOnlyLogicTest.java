package defernorm.hdl.emit;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node.BinaryOp;
import defernorm.hdl.ir.Node.UnaryOp;
import defernorm.hdl.ir.Type;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logic that depends on an input and only registers read is spelled inside their clocked blocks. */
class RegisterOnlyLogicTest {
    private static final Type B = Type.bool(), U8 = Type.uint(8);

    private static String emit(IrBuilder b) {
        return VerilogEmitter.emit(new Design(b.build().name(), List.of(b.build()))).getFirst().text();
    }

    @Test
    void enableAndNextValueGoInsideWithHoldsAsIfs() {
        IrBuilder b = new IrBuilder("Hold");
        b.in("en", B); b.in("go", B); b.in("load", B); b.in("d", U8);
        String ready = b.bin("_and_rdy", BinaryOp.AND, B, "en", "go");
        String next = b.mux("_mux_nx", U8, "load", "d", "q");
        b.reg("q", U8, next, ready, 0L);
        b.out("o", U8, "q");
        String text = emit(b);
        assertFalse(text.contains("assign _and_rdy") || text.contains("assign _mux_nx"), text);
        assertFalse(text.contains("wire _and_rdy"), text);
        // The hold (next value q itself) is no load at all: no read of q in its own block.
        assertTrue(text.contains("""
                        if (rst) q <= 8'd0;
                        else if (en & go) begin
                            if (load) q <= d;
                        end
                """), text);
    }

    @Test
    void nestingStopsAtTheBoundSoADeepChainStaysNetsBelowIt() {
        IrBuilder b = new IrBuilder("Deep");
        b.in("x", U8); b.in("y", U8);
        String v = "x";
        int depth = 3 * RegisterOnlyLogic.MAX_NESTING;
        for (int i = 0; i < depth; i++) v = b.bin("_xor_" + i, BinaryOp.XOR, U8, v, "y");
        b.reg("q", U8, v, null, null);
        b.out("o", U8, "q");
        String text = emit(b);
        int top = depth - 1, deepestInside = depth - RegisterOnlyLogic.MAX_NESTING;
        assertFalse(text.contains("assign _xor_" + top + " "), "the register's own next value goes inside");
        assertFalse(text.contains("assign _xor_" + deepestInside + " "), "the bound-th level goes inside");
        assertTrue(text.contains("assign _xor_" + (deepestInside - 1) + " "), "one level deeper stays a net");
        assertTrue(text.contains("assign _xor_0 "), "and so does everything below it");
    }

    @Test
    void holdInTheTrueBranchNegatesTheSelect() {
        IrBuilder b = new IrBuilder("Keep");
        b.in("stall", B); b.in("d", U8);
        b.reg("q", U8, b.mux("_mux_k", U8, "stall", "q", "d"), null, null);
        b.out("o", U8, "q");
        assertTrue(emit(b).contains("        if (!stall) q <= d;\n"), emit(b));
    }

    @Test
    void aSharedEnableIsCopiedAsOneOperatorAndItsOperandsStayNets() {
        IrBuilder b = new IrBuilder("Shared");
        b.in("en", B); b.in("a", B); b.in("c", B); b.in("d", U8);
        String inner = b.bin("_or_in", BinaryOp.OR, B, "a", "c");
        String shared = b.bin("_and_sh", BinaryOp.AND, B, "en", inner);
        b.reg("p", U8, "d", shared, null);
        b.reg("q", U8, "d", shared, null);
        b.out("o", U8, "p");
        b.out("o2", U8, "q");
        String text = emit(b);
        assertTrue(text.contains("assign _or_in = a | c;"), text);
        assertTrue(text.contains("if (en & _or_in) p <= d;") && text.contains("if (en & _or_in) q <= d;"), text);
    }

    @Test
    void logicOfRegistersAloneNamedNetsAndOtherReadersKeepTheirAssigns() {
        IrBuilder b = new IrBuilder("Stay");
        b.in("d", U8); b.in("x", B);
        String regOnly = b.un("_not_r", UnaryOp.NOT, B, "v");        // registers only: Verilator computes it once a cycle
        b.reg("v", B, regOnly, null, null);
        String named = b.bin("ready", BinaryOp.AND, B, "x", "v");    // the user's name
        b.reg("q", U8, "d", named, null);
        String toOutput = b.bin("_and_o", BinaryOp.AND, B, "x", "v");  // also an output
        b.reg("w", B, toOutput, null, null);
        b.out("o", U8, "q");
        b.out("ow", B, toOutput);
        String text = emit(b);
        for (String kept : List.of("assign _not_r", "assign ready", "assign _and_o")) assertTrue(text.contains(kept), text);
    }

    @Test
    void anOperandOfAnotherTypeIsNotSpelledInsideAWiderContext() {
        IrBuilder b = new IrBuilder("Widths");
        b.in("s", B); b.in("a", U8); b.in("c", Type.uint(4));
        String narrow = b.un("_not_n", UnaryOp.NOT, Type.uint(4), "c");
        String eq = b.bin("_eq_w", BinaryOp.EQ, B, "a", narrow);   // mixed widths: not from the front end, but legal IR here
        b.reg("q", B, b.mux("_mux_w", B, "s", eq, "q"), null, null);
        b.out("o", B, "q");
        String text = emit(b);
        // ~c stays a 4-bit net: spelled inside an 8-bit compare it would invert the extension bits too.
        assertTrue(text.contains("assign _not_n = ~c;"), text);
        assertTrue(text.contains("if (s) q <= a == _not_n;"), text);
    }
}
