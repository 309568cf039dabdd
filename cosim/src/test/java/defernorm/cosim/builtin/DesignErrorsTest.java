package defernorm.cosim.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import defernorm.cosim.SimOptions;
import defernorm.cosim.random.ModuleBuilder;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A malformed design is rejected when the simulation opens, with one sentence naming the problem. */
class DesignErrorsTest {
    private static final SourceLoc AT = new SourceLoc("Top.java", 12);

    private static String error(Design d) {
        return assertThrows(IllegalArgumentException.class, () -> new BuiltinSimulation(d, SimOptions.builtin())).getMessage();
    }

    private static ModuleIr module(String name, List<Node> nodes, List<Instance> instances) {
        return new ModuleIr(name, nodes, List.of(), instances, List.of(), SourceLoc.UNKNOWN);
    }

    @Test
    void aNetReadingAnUndefinedNet() {
        Design d = new Design("t", List.of(module("t", List.of(new Node.Output("y", Type.bool(), "nope", AT)), List.of())));
        assertEquals("net 'y' (Top.java:12) reads net 'nope', which the design does not define", error(d));
    }

    @Test
    void anUnconnectedChildInput() {
        ModuleBuilder c = new ModuleBuilder("child");
        c.output("y", c.input("a", Type.bool()));
        ModuleIr child = c.build();
        ModuleIr top = module("t", List.of(new Node.InstanceOut("uy", Type.bool(), "u", "y", AT), new Node.Output("y", Type.bool(), "uy", AT)),
                List.of(new Instance("u", "child", List.of(), AT)));
        assertEquals("input 'a' of instance 'u' (module child) is not connected", error(new Design("t", List.of(child, top))));
    }

    @Test
    void anInstanceOfAMissingModule() {
        ModuleIr top = module("t", List.of(), List.of(new Instance("u", "ghost", List.of(), AT)));
        assertEquals("instance 'u' uses module 'ghost', which the design does not contain", error(new Design("t", List.of(top))));
    }

    @Test
    void aConstantOrResetValueThatDoesNotFit() {
        Design c = new Design("t", List.of(module("t", List.of(new Node.Const("k", Type.uint(4), BigInteger.valueOf(16), AT),
                new Node.Output("y", Type.uint(4), "k", AT)), List.of())));
        assertEquals("constant 'k' (Top.java:12) = 16 does not fit UInt(4)", error(c));
        Design r = new Design("t", List.of(module("t", List.of(new Node.Input("a", Type.sint(4), AT),
                new Node.Reg("r", Type.sint(4), "a", null, BigInteger.valueOf(8), AT), new Node.Output("y", Type.sint(4), "r", AT)), List.of())));
        assertEquals("the reset value 8 of register 'r' (Top.java:12) does not fit SInt(4)", error(r));
    }

    @Test
    void aWireOfTheWrongTypeAndAMissingTop() {
        Design w = new Design("t", List.of(module("t", List.of(new Node.Input("a", Type.sint(4), AT),
                new Node.Output("y", Type.uint(4), "a", AT)), List.of())));
        assertEquals("net 'y' (Top.java:12) is UInt(4) but is driven by 'a' of SInt(4)", error(w));
        assertEquals("the design's top module 'x' is not among its modules", error(new Design("x", List.of())));
    }
}
