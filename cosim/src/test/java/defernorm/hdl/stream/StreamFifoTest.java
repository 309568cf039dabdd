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
import defernorm.hdl.stream.StreamFifo.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The FIFO on both engines and both storages, with random valid/ready: order, no loss or duplication, and
 * count/full/empty equal to the beats in minus the beats out on every cycle.
 */
class StreamFifoTest {

    @ParameterizedTest(name = "{0}, {1}, depth {2}, valid {3}, ready {4}")
    @CsvSource({
            "BUILTIN, MEMORY, 4, 0.8, 0.3", "BUILTIN, MEMORY, 5, 0.5, 0.9", "BUILTIN, REGISTERS, 4, 0.8, 0.3",
            "BUILTIN, REGISTERS, 1, 0.7, 0.7", "VERILATOR, MEMORY, 5, 0.8, 0.4", "VERILATOR, REGISTERS, 3, 0.6, 0.6"})
    void keepsOrderAndCountsEveryBeat(Engine engine, Storage storage, int depth, double validShare, double readyShare) {
        try (Simulation sim = StreamSims.open(StreamFifo.of(Type.uint(12), depth, storage), engine);
             Testbench tb = new Testbench(sim)) {
            StreamPorts in = StreamPorts.of(sim, "in_valid", "in_ready", "in_data");
            StreamPorts out = StreamPorts.of(sim, "out_valid", "out_ready", "out_data");
            StreamSource source = new StreamSource(tb, in, validShare, depth);
            StreamSink sink = new StreamSink(tb, out, readyShare, depth + 100);
            StreamMonitor inMon = new StreamMonitor(tb, in);
            StreamMonitor outMon = new StreamMonitor(tb, out);
            List<String> levelErrors = new ArrayList<>();
            int[] peakLevel = {0};
            tb.onEdge(cycle -> {
                long level = inMon.transfers().size() - outMon.transfers().size();
                // The monitors have already counted this cycle's transfers, which take effect at this edge.
                long before = level - fired(in) + fired(out);
                long count = sim.peekLong("count");
                if (count != before || sim.peekLong("full") != (count == depth ? 1 : 0)
                        || sim.peekLong("empty") != (count == 0 ? 1 : 0)) {
                    levelErrors.add("cycle " + cycle + ": count " + count + " but " + before + " beats held");
                }
                peakLevel[0] = Math.max(peakLevel[0], (int) count);
            });
            SplittableRandom r = new SplittableRandom(depth);
            long[] words = LongStream.range(0, 300).map(i -> r.nextInt(1 << 12)).toArray();
            source.send(words);
            tb.fork("until all arrived", () -> { while (sink.received().size() < words.length) tb.step(); });
            tb.run(50_000);
            assertEquals(LongStream.of(words).boxed().toList(), sink.received());
            assertEquals(List.of(), inMon.violations());
            assertEquals(List.of(), outMon.violations());
            assertEquals(List.of(), levelErrors.stream().limit(5).toList());
            if (readyShare < validShare) assertEquals(depth, peakLevel[0], "the FIFO filled under backpressure");
        }
    }

    private static int fired(StreamPorts p) {
        return p.valid().peekLong() == 1 && p.ready().peekLong() == 1 ? 1 : 0;
    }
}
