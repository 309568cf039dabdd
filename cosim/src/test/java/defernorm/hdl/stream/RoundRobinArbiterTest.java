package defernorm.hdl.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Engine;
import defernorm.cosim.Simulation;
import defernorm.cosim.testbench.StreamMonitor;
import defernorm.cosim.testbench.StreamPorts;
import defernorm.cosim.testbench.StreamSink;
import defernorm.cosim.testbench.Testbench;
import defernorm.hdl.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The round-robin arbiter on both engines: every beat of every input arrives once and in its input's
 * order, packets never interleave, and backlogged inputs are served in turn.
 */
class RoundRobinArbiterTest {
    private static final int N = 4;
    /** A beat's word: its input in the top 4 bits, its sequence number below. */
    private static long word(int input, int seq) { return ((long) input << 12) | seq; }

    @ParameterizedTest(name = "{0}, packets {1}, valid {2}, ready {3}")
    @CsvSource({"BUILTIN, false, 0.5, 0.6", "BUILTIN, true, 0.6, 0.5", "BUILTIN, true, 1.0, 1.0",
            "VERILATOR, false, 0.5, 0.6", "VERILATOR, true, 0.7, 0.4"})
    void deliversEveryBeatOnceInOrderWithoutInterleavingPackets(Engine engine, boolean packets, double validShare,
                                                               double readyShare) {
        try (Simulation sim = StreamSims.open(packets ? RoundRobinArbiter.ofPackets(N, Type.uint(16)) : RoundRobinArbiter.of(N, Type.uint(16)), engine);
             Testbench tb = new Testbench(sim)) {
            List<PacketSource> sources = new ArrayList<>();
            for (int k = 0; k < N; k++) sources.add(new PacketSource(tb, "in_" + k, packets, validShare, 20 + k));
            StreamPorts out = StreamPorts.of(sim, "out_valid", "out_ready", packets ? "out_data_word" : "out_data");
            StreamSink sink = new StreamSink(tb, out, readyShare, 5);
            StreamMonitor outMon = new StreamMonitor(tb, out);
            List<Boolean> lasts = new ArrayList<>();
            tb.onEdge(c -> { if (packets && sim.peekLong("out_valid") == 1 && sim.peekLong("out_ready") == 1) lasts.add(sim.peekLong("out_data_last") == 1); });
            SplittableRandom r = new SplittableRandom(2);
            int[] sent = new int[N];
            int total = 0;
            for (int p = 0; p < 40; p++) {
                for (int k = 0; k < N; k++) {
                    int len = packets ? 1 + r.nextInt(4) : 1;
                    long[] w = new long[len];
                    for (int i = 0; i < len; i++) w[i] = word(k, sent[k]++);
                    sources.get(k).sendPacket(w);
                    total += len;
                }
            }
            int beats = total;
            tb.fork("until all arrived", () -> { while (sink.received().size() < beats) tb.step(); });
            tb.run(100_000);

            List<Long> got = sink.received();
            assertEquals(beats, got.size());
            int[] next = new int[N];
            for (long w : got) {
                int k = (int) (w >> 12);
                assertEquals(next[k]++, (int) (w & 0xfff), "input " + k + " out of order, lost or duplicated");
            }
            for (int k = 0; k < N; k++) assertEquals(sent[k], next[k]);
            assertEquals(List.of(), outMon.violations());
            if (packets) {
                // Between two last beats, every beat comes from one input.
                int owner = -1;
                for (int i = 0; i < got.size(); i++) {
                    int k = (int) (got.get(i) >> 12);
                    if (owner >= 0) assertEquals(owner, k, "beat " + i + " interleaves another input's packet");
                    owner = lasts.get(i) ? -1 : k;
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void servesBackloggedInputsInTurn(Engine engine) {
        try (Simulation sim = StreamSims.open(RoundRobinArbiter.of(N, Type.uint(16)), engine);
             Testbench tb = new Testbench(sim)) {
            List<PacketSource> sources = new ArrayList<>();
            for (int k = 0; k < N; k++) sources.add(new PacketSource(tb, "in_" + k, false, 1.0, k));
            // Inputs 1 and 3 always have a beat waiting; 0 and 2 join later.
            for (int i = 0; i < 60; i++) { sources.get(1).sendPacket(word(1, i)); sources.get(3).sendPacket(word(3, i)); }
            StreamSink sink = new StreamSink(tb, StreamPorts.of(sim, "out_valid", "out_ready", "out_data"), 0.6, 8);
            List<Long> grants = new ArrayList<>();
            tb.onEdge(c -> { if (sim.peekLong("out_valid") == 1 && sim.peekLong("out_ready") == 1) grants.add(sim.peekLong("grant")); });
            tb.fork("late inputs", () -> {
                tb.step(20);
                for (int i = 0; i < 30; i++) { sources.get(0).sendPacket(word(0, i)); sources.get(2).sendPacket(word(2, i)); }
            });
            tb.fork("until all arrived", () -> { while (sink.received().size() < 180) tb.step(); });
            tb.run(10_000);
            // While all four are backlogged the grants cycle 0,1,2,3 (or 1,3 while only those two are).
            assertEquals(180, grants.size());
            int joined = 0;
            while (joined < grants.size() && grants.get(joined) % 2 == 1) joined++;
            assertTrue(joined > 0 && joined < 60, "inputs 0 and 2 were served after joining: " + grants);
            for (int i = 0; i < joined; i++) assertEquals(i % 2 == 0 ? 1L : 3L, grants.get(i), "two backlogged inputs alternate");
            for (int i = joined; i < joined + 4 * 25; i++) {
                assertEquals((grants.get(i - 1) + 1) % N, grants.get(i), "grant " + i + " after " + grants.get(i - 1) + ": " + grants);
            }
        }
    }
}
