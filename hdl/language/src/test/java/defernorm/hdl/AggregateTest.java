package defernorm.hdl;

import static defernorm.hdl.Expect.at;
import static defernorm.hdl.Expect.errors;
import static defernorm.hdl.Expect.line;
import static defernorm.hdl.LoweringTest.node;
import static defernorm.hdl.LoweringTest.top;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vec and bundle records: flattened names, directions, registers, connect, dynamic indexing, and their errors. */
class AggregateTest {
    private static final String F = "AggregateTest.java";
    private final int[] l = new int[4];

    record Handshake(Signal valid, Signal ready, Signal data) {
        static Shape<Handshake> of(int w) {
            return f -> new Handshake(f.field(Type.bool()), f.flipped(Type.bool()), f.field(Type.uint(w)));
        }
    }

    /** Nested: a Vec of lanes, a flipped handshake, and a parameter that is not hardware. */
    record Port2(Vec<Signal> lanes, Handshake back, int tag) {
        static Shape<Port2> of() { return f -> new Port2(f.vec(2, Type.uint(4)), f.flipped(Handshake.of(3)), 7); }
    }

    private static List<String> names(List<? extends Node> ns) { return ns.stream().map(Node::name).toList(); }

    @Test void portsAreNamedAfterRecordComponentsAndIndicesWithFlippedFieldsReversed() {
        ModuleIr m = top(new Component("P") {{
            Port2 p = input("p", Port2.of());
            Port2 q = output("q", Port2.of());
            assertEquals(7, p.tag());
            connect(q, p);
        }});
        assertEquals(List.of("p_lanes_0", "p_lanes_1", "p_back_ready", "q_back_valid", "q_back_data"), names(m.inputs()));
        assertEquals(List.of("p_back_valid", "p_back_data", "q_lanes_0", "q_lanes_1", "q_back_ready"), names(m.outputs()));
        // connect sets q's fields from p's, and the flipped handshake the other way round
        assertEquals("p_lanes_1", ((Node.Output) node(m, "q_lanes_1")).source());
        assertEquals("q_back_valid", ((Node.Output) node(m, "p_back_valid")).source());
        assertEquals("p_back_ready", ((Node.Output) node(m, "q_back_ready")).source());
    }

    @Test void registerVecsResetEveryElementAndWireBundlesAreWires() {
        ModuleIr m = top(new Component("R") {{
            Vec<Signal> in = input("x", Vec.of(3, Type.uint(8)));
            Vec<Signal> q = reg("q", Vec.of(3, Type.uint(8)), 5);
            Handshake w = wire("w", Handshake.of(8));
            connect(q, in);
            w.valid().set(in.get(0).bit(0));
            w.ready().set(in.get(1).bit(0));
            w.data().set(q.get(2));
            output("y", Type.uint(8)).set(Signal.mux(w.valid().and(w.ready()), w.data(), q.get(0)));
            output("z", Type.uint(8)).set(q.get(1));
        }});
        Node.Reg q2 = (Node.Reg) node(m, "q_2");
        assertEquals(BigInteger.valueOf(5), q2.reset());
        assertEquals("x_2", q2.next());
        assertInstanceOf(Node.Wire.class, node(m, "w_data"));
    }

    @Test void reduceIsABalancedTreeThatWidensAsItGoes() {
        ModuleIr m = top(new Component("Sum") {{
            Vec<Signal> x = input("x", Vec.of(5, Type.uint(8)));
            Signal sum = x.reduce(Signal::plus);
            assertEquals(Type.uint(11), sum.type());    // ((x0+x1)+(x2+x3)) + x4: 10 bits, then one more
            output("sum", sum.type()).set(sum);
            output("any", Type.bool()).set(x.map(v -> v.orReduce()).asBits().orReduce());
            output("first", Type.uint(8)).set(x.fold(x.get(4), (acc, v) -> acc.xor(v)));
        }});
        assertEquals(Type.uint(11), node(m, "sum").type());
    }

    @Test void dynamicReadIsAMuxTreeOverTheIndexBits() {
        ModuleIr m = top(new Component("Rd") {{
            Vec<Signal> x = input("x", Vec.of(4, Type.uint(8)));
            Signal i = input("i", Type.uint(2));
            output("y", Type.uint(8)).set(x.at(i));
        }});
        Node.Mux root = (Node.Mux) node(m, ((Node.Output) node(m, "y")).source());
        Node.Slice sel = (Node.Slice) node(m, root.sel());
        assertEquals(List.of("i", 1, 1), List.of(sel.arg(), sel.hi(), sel.lo()));
        Node.Mux low = (Node.Mux) node(m, root.ifFalse());
        assertEquals(List.of("x_1", "x_0"), List.of(low.ifTrue(), low.ifFalse()));
    }

    @Test void dynamicWriteOfABundleFieldSetsOnlyTheSelectedElement() {
        ModuleIr m = top(new Component("Wr") {{
            Signal i = input("i", Type.uint(1)), go = input("go", Type.bool());
            Vec<Handshake> hs = reg("h", Vec.of(2, Handshake.of(4)), 0);
            when(go, () -> hs.at(i).data().set(hs.at(i).data().plus(1).truncate(4)));
            hs.forEach(h -> { h.valid().set(go); h.ready().set(go); });
            output("y", Type.uint(4)).set(hs.get(1).data());
            output("z", Type.uint(4)).set(hs.get(0).data());
        }});
        Node.Reg r1 = (Node.Reg) node(m, "h_1_data");
        assertEquals(BigInteger.ZERO, r1.reset());
        Node.Reg r0 = (Node.Reg) node(m, "h_0_data");
        assertInstanceOf(Node.Mux.class, node(m, r1.next()));   // holds unless go && i == 1
        assertEquals(false, r0.next().equals(r1.next()));
    }

    @Test void aDynamicWriteOfAWireNeedsADefaultLikeAnyConditionalSet() {
        errors(new Component("Latch") {{
            Signal i = input("i", Type.uint(1));
            Vec<Signal> w = wire("w", Vec.of(2, Type.uint(4)));
            l[0] = line(); w.at(i).set(lit(3, Type.uint(4)));
            output("y", Type.uint(4)).set(w.get(0).plus(w.get(1)).truncate(4));
        }},
            at(F, l[0]) + "wire 'w_0' is set under this when but not on every path and has no default, so it would infer a latch; set it unconditionally before the when.",
            at(F, l[0]) + "wire 'w_1' is set under this when but not on every path and has no default, so it would infer a latch; set it unconditionally before the when.");
    }

    @Test void misuseIsReportedAtTheUsersLine() {
        errors(new Component("Bad") {{
            Vec<Signal> x = input("x", Vec.of(2, Type.uint(8)));
            Signal s = input("s", Type.sint(1));
            Vec<Signal> mixed = Vec.from(List.of(x.get(0), x.get(0).bit(0)));
            l[0] = line(); Signal a = x.at(s);
            l[1] = line(); Signal b = mixed.at(s.asUnsigned());
            l[2] = line(); x.get(0).set(a);
            Vec<Signal> w = wire("w", Vec.of(3, Type.uint(8)));
            w.forEach(e -> e.set(a));
            l[3] = line(); w.at(s.asUnsigned()).set(b.bit(0));
            output("y", Type.uint(8)).set(a.xor(b).xor(w.get(2)));
        }},
            at(F, l[0]) + "a Vec index must be a UInt, but input 's' is SInt(1); convert it with asUnsigned().",
            at(F, l[1]) + "element 1 of this Vec has another shape than element 0, so it cannot be indexed by a signal.",
            at(F, l[2]) + "input 'x_0' cannot be set; only outputs, wires and registers can.",
            at(F, l[3]) + "setting an element of a Vec needs the same width on both sides, but got UInt(8) and UInt(1); use resize, extend or truncate.");
    }

    @Test void aShapeMustReturnEveryFieldItAskedFor() {
        errors(new Component("Lost") {{
            l[0] = line(); Signal a = input("a", f -> { f.field(Type.bool()); return f.field(Type.uint(2)); });
            output("y", Type.uint(2)).set(a);
        }}, at(F, l[0]) + "a field made for 'a' is not part of the value its shape returned; return every field you ask Fields for.");
    }

    @Test void aCollectionInsideABundleIsRefusedWithItsFix() {
        record Listy(List<Signal> xs) {}
        HdlException e = org.junit.jupiter.api.Assertions.assertThrows(HdlException.class, () -> new Component("L") {{
            l[0] = line(); input("l", f -> new Listy(List.of(f.field(Type.bool()))));
        }});
        assertEquals(at(F, l[0]) + "component 'xs' of bundle Listy is a collection; use a Vec for hardware elements.", e.getMessage());
    }

    @Test void muxOfTwoBundlesIsAMuxPerField() {
        ModuleIr m = top(new Component("MuxB") {{
            Signal c = input("c", Type.bool());
            Handshake a = input("a", Handshake.of(4)), b = input("b", Handshake.of(4));
            Handshake y = output("y", Handshake.of(4));
            Handshake picked = Signal.mux(c, a, b);
            y.valid().set(picked.valid());
            y.data().set(picked.data());
            a.ready().set(y.ready().and(c));
            b.ready().set(y.ready().and(c.not()));
        }});
        Node.Mux d = (Node.Mux) node(m, ((Node.Output) node(m, "y_data")).source());
        assertEquals(List.of("c", "a_data", "b_data"), List.of(d.sel(), d.ifTrue(), d.ifFalse()));
    }

    @Test void aBundleRegisterSetUnderOneConditionGetsItAsItsEnable() {
        record Beat(Signal valid, Signal data) {}
        Shape<Beat> beat = f -> new Beat(f.field(Type.bool()), f.field(Type.uint(4)));
        ModuleIr m = top(new Component("Pipe") {{
            Signal en = input("en", Type.bool());
            Beat d = input("d", beat);
            Beat q = reg("q", beat, 0);
            when(en, () -> connect(q, d));
            connect(output("y", beat), q);
        }});
        assertEquals("en", ((Node.Reg) node(m, "q_data")).enable());
        assertEquals("d_data", ((Node.Reg) node(m, "q_data")).next());
    }

    @Test void aResetThatDoesNotFitIsOneError() {
        errors(new Component("Big") {{
            l[0] = line(); Vec<Signal> q = reg("q", Vec.of(4, Type.uint(8)), 300);
            connect(q, input("x", Vec.of(4, Type.uint(8))));
            output("y", Type.uint(8)).set(q.get(0));
        }}, at(F, l[0]) + "constant 300 does not fit UInt(8) (range 0..255).");
    }

    @Test void aDynamicWriteCostsAFewMuxesPerElementNotAChain() {
        ModuleIr m = top(new Component("Wide") {{
            Signal i = input("i", Type.uint(6)), go = input("go", Type.bool()), x = input("x", Type.uint(4));
            Vec<Signal> r = reg("r", Vec.of(64, Type.uint(4)), 0);
            when(go, () -> r.at(i).set(x));
            connect(output("q", Vec.of(64, Type.uint(4))), r);
        }});
        long muxes = m.nodes().stream().filter(n -> n instanceof Node.Mux).count();
        assertEquals(true, muxes <= 2 * 64, muxes + " muxes for 64 elements");
    }
}
