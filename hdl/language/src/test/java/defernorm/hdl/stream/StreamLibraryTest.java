package defernorm.hdl.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.hdl.Component;
import defernorm.hdl.Elaborator;
import defernorm.hdl.HdlException;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Elaboration of the stream blocks: names, ports, checked connections. Behaviour: cosim's tests on both engines. */
class StreamLibraryTest {

    /** A skid buffer into a register FIFO, wired with typed instance ports. */
    static final class Chain extends Component {
        Chain(Type t) {
            super("Chain");
            Stream<Signal> in = input("in", Stream.of(t));
            Stream<Signal> out = output("out", Stream.of(t));
            SkidBuffer<Signal> skid = SkidBuffer.of(t);
            StreamFifo<Signal> fifo = StreamFifo.of(t, 3, StreamFifo.Storage.REGISTERS);
            Inst s = instance("skid", skid), q = instance("fifo", fifo);
            connect(s.port(skid.in), in);
            connect(q.port(fifo.in), s.port(skid.out));
            connect(out, q.port(fifo.out));
            output("beat_in", Type.bool()).set(in.fire());
        }
    }

    @Test void namesCarryTheParameters() {
        assertEquals("SkidBuffer_S16", SkidBuffer.of(Type.sint(16)).name());
        assertEquals("StreamFifo_U8_D4_Mem", StreamFifo.of(Type.uint(8), 4, StreamFifo.Storage.MEMORY).name());
        assertEquals("StreamFifo_U8_D4_Reg", StreamFifo.of(Type.uint(8), 4, StreamFifo.Storage.REGISTERS).name());
        assertEquals("RoundRobinArbiter_N3_U8", RoundRobinArbiter.of(3, Type.uint(8)).name());
        assertEquals("RoundRobinArbiter_N3_U8_P", RoundRobinArbiter.ofPackets(3, Type.uint(8)).name());
    }

    @Test void typedPortsWireAChainOfBlocks() {
        Design d = Elaborator.elaborate(new Chain(Type.sint(9)));
        assertEquals(List.of("SkidBuffer_S9", "StreamFifo_S9_D3_Reg", "Chain"), d.modules().stream().map(m -> m.name()).toList());
        List<String> ports = d.topModule().nodes().stream()
                .filter(n -> n instanceof Node.Input || n instanceof Node.Output).map(Node::name).toList();
        assertEquals(List.of("in_valid", "in_ready", "in_data", "out_valid", "out_ready", "out_data", "beat_in"), ports);
    }

    @Test void arbiterPortsPerInputAndTheGrant() {
        Design d = Elaborator.elaborate(RoundRobinArbiter.ofPackets(5, Type.uint(4)));
        List<String> names = d.topModule().nodes().stream().map(Node::name).toList();
        for (int k = 0; k < 5; k++) {
            assertTrue(names.containsAll(List.of("in_" + k + "_valid", "in_" + k + "_data_word", "in_" + k + "_data_last", "in_" + k + "_ready")), names.toString());
        }
        Node.Output grant = d.topModule().outputs().stream().filter(o -> o.name().equals("grant")).findFirst().orElseThrow();
        assertEquals(Type.uint(3), grant.type());
    }

    @Test void aPayloadMismatchIsReportedAtTheUsersLine() {
        final class Wrong extends Component {
            Wrong() {
                super("Wrong");
                Stream<Signal> in = input("in", Stream.of(Type.uint(8)));
                StreamFifo<Signal> fifo = StreamFifo.of(Type.uint(9), 2, StreamFifo.Storage.MEMORY);
                Inst q = instance("q", fifo);
                connect(q.port(fifo.in), in);
                connect(output("out", Stream.of(Type.uint(9))), q.port(fifo.out));
            }
        }
        HdlException e = assertThrows(HdlException.class, () -> Elaborator.elaborate(new Wrong()));
        assertTrue(e.getMessage().contains("StreamLibraryTest.java:"), e.getMessage());
        assertTrue(e.getMessage().contains("UInt(9)"), e.getMessage());
    }

    @Test void badSizesAreRefusedInOneSentence() {
        assertEquals("a FIFO needs a depth of at least 1, not 0.", assertThrows(IllegalArgumentException.class,
                () -> StreamFifo.of(Type.uint(8), 0, StreamFifo.Storage.MEMORY)).getMessage());
        assertEquals("an arbiter needs at least 1 input, not 0.", assertThrows(IllegalArgumentException.class,
                () -> RoundRobinArbiter.of(0, Type.uint(8))).getMessage());
    }
}
