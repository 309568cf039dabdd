package defernorm.hdl.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.cosim.Engine;
import defernorm.cosim.Simulation;
import defernorm.cosim.testbench.StreamMonitor;
import defernorm.cosim.testbench.StreamPorts;
import defernorm.cosim.testbench.StreamSink;
import defernorm.cosim.testbench.StreamSource;
import defernorm.cosim.testbench.Testbench;
import defernorm.hdl.ir.Type;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The skid buffer on both engines: order, no loss or duplication, and one beat per cycle when unblocked. */
class SkidBufferTest {

    @ParameterizedTest(name = "{0}, valid {1}, ready {2}")
    @CsvSource({"BUILTIN, 0.7, 0.4", "BUILTIN, 0.9, 0.9", "VERILATOR, 0.7, 0.4", "VERILATOR, 1.0, 0.5"})
    void everyBeatArrivesOnceInOrderAndTheProtocolHolds(Engine engine, double validShare, double readyShare) {
        try (Simulation sim = StreamSims.open(SkidBuffer.of(Type.uint(16)), engine); Testbench tb = new Testbench(sim)) {
            StreamPorts in = StreamPorts.of(sim, "in_valid", "in_ready", "in_data");
            StreamPorts out = StreamPorts.of(sim, "out_valid", "out_ready", "out_data");
            StreamSource source = new StreamSource(tb, in, validShare, 3);
            StreamSink sink = new StreamSink(tb, out, readyShare, 4);
            StreamMonitor inMon = new StreamMonitor(tb, in);
            StreamMonitor outMon = new StreamMonitor(tb, out);
            SplittableRandom r = new SplittableRandom(9);
            long[] words = LongStream.range(0, 400).map(i -> r.nextInt(1 << 16)).toArray();
            source.send(words);
            tb.fork("until all arrived", () -> { while (sink.received().size() < words.length) tb.step(); });
            tb.run(50_000);
            assertEquals(LongStream.of(words).boxed().toList(), sink.received());
            assertEquals(List.of(), inMon.violations());
            assertEquals(List.of(), outMon.violations());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void movesOneBeatPerCycleWithoutBackpressure(Engine engine) {
        try (Simulation sim = StreamSims.open(SkidBuffer.of(Type.uint(8)), engine); Testbench tb = new Testbench(sim)) {
            StreamPorts in = StreamPorts.of(sim, "in_valid", "in_ready", "in_data");
            StreamPorts out = StreamPorts.of(sim, "out_valid", "out_ready", "out_data");
            StreamSource source = new StreamSource(tb, in, 1.0, 1);
            StreamSink sink = new StreamSink(tb, out, 1.0, 1);
            StreamMonitor outMon = new StreamMonitor(tb, out);
            int n = 100;
            source.send(LongStream.range(0, n).map(i -> i & 0xff).toArray());
            tb.fork("until all arrived", () -> { while (sink.received().size() < n) tb.step(); });
            tb.run(1_000);
            List<StreamMonitor.Transfer> t = outMon.transfers();
            assertEquals(n, t.size());
            // The first beat leaves one cycle after it entered (latency 1); then one leaves every cycle.
            assertEquals(1, t.getFirst().cycle());
            assertEquals(n - 1, t.getLast().cycle() - t.getFirst().cycle());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void inReadyIsRegisteredAndABundlePayloadPassesWhole(Engine engine) {
        try (Simulation sim = StreamSims.open(new SkidBuffer<>("SkidBuffer_P8", Packet.of(Type.uint(8))), engine)) {
            sim.poke("out_ready", 0);
            sim.poke("in_valid", 1);
            sim.poke("in_data_last", 0);
            sim.poke("in_data_word", 11);
            sim.step();   // 11 into the main register
            assertEquals(1, sim.peekLong("in_ready"));
            sim.poke("in_data_word", 12);
            sim.poke("in_data_last", 1);
            sim.step();   // 12 into the skid register: the consumer still refuses
            sim.poke("in_valid", 0);
            assertEquals(0, sim.peekLong("in_ready"));
            sim.poke("out_ready", 1);
            assertEquals(0, sim.peekLong("in_ready"), "in_ready does not follow out_ready in the same cycle");
            assertEquals(11, sim.peekLong("out_data_word"));
            assertEquals(0, sim.peekLong("out_data_last"));
            sim.step();
            assertEquals(12, sim.peekLong("out_data_word"));
            assertEquals(1, sim.peekLong("out_data_last"));
            assertEquals(1, sim.peekLong("in_ready"));
            sim.step();
            assertEquals(0, sim.peekLong("out_valid"));
        }
    }
}
