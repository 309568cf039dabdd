package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import defernorm.hdl.ir.Node.BinaryOp;
import defernorm.hdl.ir.Type;
import defernorm.hdl.ir.WidthRules;
import java.util.List;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/** The one table of width rules, and the front end agreeing with it on every operand pair. */
class WidthRulesTest {
    @Test void theTable() {
        assertEquals(Type.sint(17), WidthRules.operandType(BinaryOp.ADD, Type.sint(17), Type.sint(16)));
        assertEquals(Type.sint(18), WidthRules.result(BinaryOp.ADD, Type.sint(17), Type.sint(17)));
        assertEquals(Type.sint(10), WidthRules.result(BinaryOp.SUB, Type.uint(9), Type.uint(9)));
        assertEquals(Type.uint(12), WidthRules.result(BinaryOp.MUL, Type.uint(8), Type.uint(4)));
        assertEquals(Type.bool(), WidthRules.result(BinaryOp.LT, Type.sint(5), Type.sint(5)));
        assertNull(WidthRules.operandType(BinaryOp.AND, Type.uint(8), Type.uint(9)));
        assertNull(WidthRules.operandType(BinaryOp.EQ, Type.uint(8), Type.sint(8)));
        assertNull(WidthRules.operandType(BinaryOp.SHL, Type.uint(8), Type.sint(3)));
    }

    @Test void signalResultsComeFromTheTable() {
        record Op(BinaryOp op, BinaryOperator<Signal> f) {}
        List<Op> ops = List.of(new Op(BinaryOp.ADD, Signal::plus), new Op(BinaryOp.SUB, Signal::minus),
                new Op(BinaryOp.MUL, Signal::times), new Op(BinaryOp.EQ, Signal::eq), new Op(BinaryOp.GE, Signal::ge));
        new Component("T") {{
            for (boolean signed : new boolean[] {false, true}) {
                for (int wa : new int[] {1, 7, 16}) {
                    for (int wb : new int[] {1, 9, 16}) {
                        Signal a = input("a" + wa + wb + signed, new Type(wa, signed)), b = input("b" + wa + wb + signed, new Type(wb, signed));
                        for (Op o : ops) {
                            Type common = WidthRules.operandType(o.op(), a.type(), b.type());
                            Type expected = o.op() == BinaryOp.MUL ? WidthRules.result(o.op(), a.type(), b.type())
                                    : WidthRules.result(o.op(), common, common);
                            assertEquals(expected, o.f().apply(a, b).type(), o.op() + " " + a.type() + " " + b.type());
                        }
                    }
                }
            }
        }};
    }
}
