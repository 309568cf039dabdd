package defernorm.hdl;

import static defernorm.hdl.Expect.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoweringTest {
    private final int[] l = new int[4];

    static ModuleIr top(Component m) { return Elaborator.elaborate(m).topModule(); }

    static Node node(ModuleIr m, String name) {
        return m.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    @Test void whenChainBecomesAMuxChainWithPriorityToTheFirstArm() {
        ModuleIr m = top(new Component("M") {{
            Signal c1 = input("c1", Type.bool()), c2 = input("c2", Type.bool());
            Signal a = input("a", Type.uint(4)), b = input("b", Type.uint(4)), d = input("d", Type.uint(4));
            Output y = output("y", Type.uint(4));
            when(c1, () -> y.set(a)).elseWhen(c2, () -> y.set(b)).otherwise(() -> y.set(d));
        }});
        Node.Mux outer = (Node.Mux) node(m, ((Node.Output) node(m, "y")).source());
        assertEquals(List.of("c1", "a"), List.of(outer.sel(), outer.ifTrue()));
        Node.Mux inner = (Node.Mux) node(m, outer.ifFalse());
        assertEquals(List.of("c2", "b", "d"), List.of(inner.sel(), inner.ifTrue(), inner.ifFalse()));
    }

    @Test void laterSetsWinAndNestedWhensCombine() {
        ModuleIr m = top(new Component("M") {{
            Signal c = input("c", Type.bool()), e = input("e", Type.bool());
            Signal a = input("a", Type.uint(4)), b = input("b", Type.uint(4));
            Wire w = wire("w", Type.uint(4));
            w.set(a);
            when(c, () -> when(e, () -> w.set(b)));
            output("y", Type.uint(4)).set(w);
        }});
        Node.Mux outer = (Node.Mux) node(m, ((Node.Wire) node(m, "w")).source());
        assertEquals("c", outer.sel());
        assertEquals("a", outer.ifFalse());
        Node.Mux inner = (Node.Mux) node(m, outer.ifTrue());
        assertEquals(List.of("e", "b", "a"), List.of(inner.sel(), inner.ifTrue(), inner.ifFalse()));
    }

    @Test void registerSetUnderOneConditionUsesItAsEnable() {
        ModuleIr m = top(new Component("M") {{
            Signal en = input("en", Type.bool()), d = input("d", Type.uint(4));
            Reg r = reg("r", Type.uint(4)).resetTo(3);
            when(en, () -> r.set(d));
            output("q", Type.uint(4)).set(r);
        }});
        assertEquals(new Node.Reg("r", Type.uint(4), "d", "en", BigInteger.valueOf(3), node(m, "r").loc()), node(m, "r"));
    }

    @Test void userEnableIsTheRegisterEnableAndHoldIsAFeedbackMux() {
        ModuleIr m = top(new Component("M") {{
            Signal en = input("en", Type.bool()), c = input("c", Type.bool()), d = input("d", Type.uint(4));
            Reg r = reg("r", Type.uint(4)).enable(en);
            when(c, () -> r.set(d));
            output("q", Type.uint(4)).set(r);
        }});
        Node.Reg r = (Node.Reg) node(m, "r");
        assertEquals("en", r.enable());
        assertNull(r.reset());
        Node.Mux next = (Node.Mux) node(m, r.next());
        assertEquals(List.of("c", "d", "r"), List.of(next.sel(), next.ifTrue(), next.ifFalse()));
    }

    @Test void switchBecomesEqualityComparisonsAgainstConstantsOfTheSelectorType() {
        ModuleIr m = top(new Component("M") {{
            Signal op = input("op", Type.uint(2)), a = input("a", Type.uint(4)), b = input("b", Type.uint(4));
            Output y = output("y", Type.uint(4));
            y.set(a);
            switchOn(op).is(1, () -> y.set(b)).is(2, () -> y.set(a.xor(b)));
        }});
        Node.Mux first = (Node.Mux) node(m, ((Node.Output) node(m, "y")).source());
        Node.Binary eq = (Node.Binary) node(m, first.sel());
        assertEquals(Node.BinaryOp.EQ, eq.op());
        assertEquals(new BigInteger("1"), ((Node.Const) node(m, eq.b())).value());
        assertEquals(Type.uint(2), node(m, eq.b()).type());
    }

    @Test void constantShiftsAreSlicesAndConcatenations() {
        ModuleIr m = top(new Component("M") {{
            Signal s = input("s", Type.sint(8));
            output("l", Type.sint(10)).set(s.shl(2));
            output("r", Type.sint(5)).set(s.shr(3));
        }});
        Node.Cast l = (Node.Cast) node(m, ((Node.Output) node(m, "l")).source());
        Node.Concat cat = (Node.Concat) node(m, l.arg());
        assertEquals("s", cat.args().get(0));
        assertEquals(BigInteger.ZERO, ((Node.Const) node(m, cat.args().get(1))).value());
        Node.Cast r = (Node.Cast) node(m, ((Node.Output) node(m, "r")).source());
        Node.Slice sl = (Node.Slice) node(m, r.arg());
        assertEquals(List.of(7, 3), List.of(sl.hi(), sl.lo()));
    }

    @Test void plusLongIsAConstantOfTheSameType() {
        ModuleIr m = top(new Component("M") {{
            Signal s = input("s", Type.sint(6));
            output("y", Type.sint(7)).set(s.plus(-5));
        }});
        Node.Binary add = (Node.Binary) node(m, ((Node.Output) node(m, "y")).source());
        assertEquals(new Node.Const(add.b(), Type.sint(6), BigInteger.valueOf(-5), node(m, add.b()).loc()), node(m, add.b()));
    }

    @Test void memoryWriteInsideAWhenIsGatedByItsCondition() {
        ModuleIr m = top(new Component("M") {{
            Signal go = input("go", Type.bool()), we = input("we", Type.bool());
            Signal addr = input("addr", Type.uint(2)), data = input("data", Type.uint(8));
            Mem mem = memory("mem", 8, 4);
            when(go, () -> mem.write(we, addr, data));
            output("q", Type.uint(8)).set(mem.read("rd", addr, go));
        }});
        Memory mem = m.memories().get(0);
        Node.Binary en = (Node.Binary) node(m, mem.wrEnable());
        assertEquals(List.of(Node.BinaryOp.AND, "go", "we"), List.of(en.op(), en.a(), en.b()));
        assertEquals(new Node.MemRead("rd", Type.uint(8), "mem", "addr", "go", node(m, "rd").loc()), node(m, "rd"));
    }

    @Test void memoryWithoutWritePortIsARomTiedOff() {
        ModuleIr m = top(new Component("Rom") {{
            Signal addr = input("addr", Type.uint(2));
            Mem rom = memory("lut", 4, 4).init(new long[] {1, 2, 3, 15});
            output("q", Type.uint(4)).set(rom.read("rd", addr, null));
        }});
        Memory rom = m.memories().get(0);
        assertEquals(List.of(1, 2, 3, 15), rom.init().stream().map(BigInteger::intValue).toList());
        for (String tie : List.of(rom.wrEnable(), rom.wrAddr(), rom.wrData())) {
            assertEquals(BigInteger.ZERO, ((Node.Const) node(m, tie)).value());
        }
    }

    @Test void streamBundlesGivePrefixedPortsWithReadyFlipped() {
        ModuleIr m = top(new Component("Pass") {{
            AxiStream s = input("s_axis", AxiStream.of(16));
            AxiStream o = output("m_axis", AxiStream.of(16));
            s.tready().set(o.tready());
            o.tvalid().set(s.tvalid());
            o.tdata().set(s.tdata());
            o.tlast().set(s.tlast());
        }});
        assertEquals(List.of("s_axis_tvalid", "s_axis_tdata", "s_axis_tlast", "m_axis_tready"),
                m.inputs().stream().map(Node::name).toList());
        assertEquals(List.of("s_axis_tready", "m_axis_tvalid", "m_axis_tdata", "m_axis_tlast"),
                m.outputs().stream().map(Node::name).toList());
        assertEquals(Type.uint(16), node(m, "m_axis_tdata").type());
    }

    @Test void settingAnInputFieldOfABundleIsAnError() {
        Expect.errors(new Component("M") {{
            AxiStream s = input("s_axis", AxiStream.of(8));
            s.tready().set(lit(1, Type.bool()));
            l[0] = line(); s.tvalid().set(lit(1, Type.bool()));
        }}, Expect.at("LoweringTest.java", l[0]) + "input 's_axis_tvalid' cannot be set; only outputs, wires and registers can.");
    }

    @Test void debugNamesATemporaryAndKeepsItAlive() {
        ModuleIr m = top(new Component("M") {{
            Signal a = input("a", Type.uint(4)), b = input("b", Type.uint(4));
            debug("sum_dbg", a.plus(b));
            output("y", Type.uint(4)).set(a);
        }});
        assertEquals(List.of("sum_dbg"), m.debug());
        assertInstanceOf(Node.Binary.class, node(m, "sum_dbg"));
    }

    @Test void everyNodeCarriesTheUsersSourceLine() {
        ModuleIr m = top(new Component("M") {{
            Signal a = input("a", Type.uint(4));
            l[0] = line(); output("y", Type.uint(5)).set(a.plus(a));
        }});
        SourceLoc here = new SourceLoc("LoweringTest.java", l[0]);
        assertEquals(here, node(m, "y").loc());
        assertEquals(here, node(m, ((Node.Output) node(m, "y")).source()).loc());
        assertTrue(m.nodes().stream().allMatch(n -> n.loc().file().equals("LoweringTest.java")));
    }

    @Test void identicalChildrenAreEmittedOnce() {
        Design d = Elaborator.elaborate(new defernorm.examples.MacPair());
        assertEquals(List.of("Mac_W8", "MacPair"), d.modules().stream().map(ModuleIr::name).toList());
    }

    @Test void namingANamedNetAddsAWire() {
        ModuleIr m = top(new Component("M") {{
            Signal a = input("a", Type.uint(4));
            Reg r = reg("r", Type.uint(4));
            r.set(a);
            output("y", Type.uint(4)).set(r.named("r_alias"));
        }});
        assertEquals(new Node.Wire("r_alias", Type.uint(4), "r", node(m, "r_alias").loc()), node(m, "r_alias"));
    }

    @Test void instancePortMisuseIsReported() {
        Component child = new Component("Child") {{
            output("o", Type.bool()).set(input("i", Type.bool()));
        }};
        Expect.errors(new Component("P") {{
            Inst u = instance("u", child);
            l[0] = line(); u.in("o", lit(0, Type.bool()));
            u.in("i", lit(0, Type.bool()));
            l[1] = line(); output("y", Type.bool()).set(u.out("nope"));
        }},
            Expect.at("LoweringTest.java", l[0]) + "'o' is an output of module 'Child', not an input; read it with out().",
            Expect.at("LoweringTest.java", l[1]) + "module 'Child' has no port 'nope'.");
    }
}
