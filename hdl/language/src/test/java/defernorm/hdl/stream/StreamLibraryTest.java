package defernorm.hdl.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.hdl.Component;
import defernorm.hdl.Elaborator;
import defernorm.hdl.HdlException;
import defernorm.hdl.Inst;
import defernorm.hdl.Role;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Elaboration of the stream blocks: names, ports, checked connections. Behaviour: cosim's tests on both engines. */
class StreamLibraryTest {

    /** A skid buffer into a FIFO into an arbiter input, wired with the stream helpers. */
    static final class Chain extends Component {
        Chain(Type t) {
            super("Chain");
            Stream in = ports("in", new Stream(t), Role.SLAVE);
            Stream out = ports("out", new Stream(t), Role.MASTER);
            Inst skid = instance("skid", new SkidBuffer(t, false));
            Inst fifo = instance("fifo", new StreamFifo(t, 3, StreamFifo.Storage.REGISTERS));
            in.connect(skid, "in");
            Stream.link(skid, "out", fifo, "in", false);
            out.connect(fifo, "out");
            output("beat_in", Type.bool()).set(in.fire());
        }
    }

    @Test void namesCarryTheParameters() {
        assertEquals("SkidBuffer_S16_L", new SkidBuffer(Type.sint(16), true).name());
        assertEquals("StreamFifo_U8_D4_Mem", new StreamFifo(Type.uint(8), 4, StreamFifo.Storage.MEMORY).name());
        assertEquals("StreamFifo_U8_D4_Reg", new StreamFifo(Type.uint(8), 4, StreamFifo.Storage.REGISTERS).name());
        assertEquals("RoundRobinArbiter_N3_U8", new RoundRobinArbiter(3, Type.uint(8), false).name());
    }

    @Test void theHelpersWireAChainOfBlocks() {
        Design d = Elaborator.elaborate(new Chain(Type.sint(9)));
        assertEquals(List.of("SkidBuffer_S9", "StreamFifo_S9_D3_Reg", "Chain"), d.modules().stream().map(m -> m.name()).toList());
        List<String> ports = d.topModule().nodes().stream()
                .filter(n -> n instanceof Node.Input || n instanceof Node.Output).map(Node::name).toList();
        assertEquals(List.of("in_valid", "in_ready", "in_data", "out_valid", "out_ready", "out_data", "beat_in"), ports);
    }

    @Test void arbiterPortsPerInputAndTheGrant() {
        Design d = Elaborator.elaborate(new RoundRobinArbiter(5, Type.uint(4), true));
        List<String> names = d.topModule().nodes().stream().map(Node::name).toList();
        for (int k = 0; k < 5; k++) assertTrue(names.containsAll(List.of("in" + k + "_valid", "in" + k + "_last", "in" + k + "_ready")));
        Node.Output grant = d.topModule().outputs().stream().filter(o -> o.name().equals("grant")).findFirst().orElseThrow();
        assertEquals(Type.uint(3), grant.type());
    }

    @Test void aPayloadMismatchIsReportedAtTheUsersLine() {
        final class Wrong extends Component {
            Wrong() {
                super("Wrong");
                Stream in = ports("in", new Stream(Type.uint(8)), Role.SLAVE);
                Inst q = instance("q", new StreamFifo(Type.uint(9), 2, StreamFifo.Storage.MEMORY));
                in.connect(q, "in");
                ports("out", new Stream(Type.uint(9)), Role.MASTER).connect(q, "out");
            }
        }
        HdlException e = assertThrows(HdlException.class, () -> Elaborator.elaborate(new Wrong()));
        assertTrue(e.getMessage().contains("StreamLibraryTest.java:"), e.getMessage());
        assertTrue(e.getMessage().contains("in_data"), e.getMessage());
    }

    @Test void badSizesAreRefusedInOneSentence() {
        assertEquals("a FIFO needs a depth of at least 1, not 0.", assertThrows(IllegalArgumentException.class,
                () -> new StreamFifo(Type.uint(8), 0, StreamFifo.Storage.MEMORY)).getMessage());
        assertEquals("an arbiter needs at least 1 input, not 0.", assertThrows(IllegalArgumentException.class,
                () -> new RoundRobinArbiter(0, Type.uint(8), false)).getMessage());
    }
}
