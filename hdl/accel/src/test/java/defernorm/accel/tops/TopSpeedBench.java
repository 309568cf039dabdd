package defernorm.cosim.builtin;

import defernorm.accel.tops.TopGenerator;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Elaborator;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The built-in engine alone on a real top, driven the way the checker drives it: the configuration written
 * through the cfg port one word per cycle, then a stream with every output read every cycle (the wide
 * {@code m_axis_tdata} as a BigInteger). No golden model and no comparison, so the figures are the
 * engine's share of a {@code defernorm cosim} run. CPU time of this thread, so a busy machine does not
 * skew them. Shape: {@code -Ddefernorm.bench.top=n,m,P,Q} (default the Llama-2-7B projection
 * 4096,4096,32,32); stream length {@code -Ddefernorm.bench.streamCycles} (default 20000). Tagged
 * {@code bench}.
 */
@Tag("bench")
class TopSpeedBench {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void rmsNormDeferredAtLlamaScale() {
        int[] s = java.util.Arrays.stream(System.getProperty("defernorm.bench.top", "4096,4096,32,32").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int streamCycles = Integer.getInteger("defernorm.bench.streamCycles", 20_000);
        Params p = new Params(s[0], s[1], s[2], s[3], 1000);
        long t0 = cpu();
        Design d = Elaborator.elaborate(TopGenerator.generate(Op.RMSNORM, Variant.DEFERRED, p));
        long t1 = cpu();
        try (BuiltinSimulation sim = new BuiltinSimulation(d, SimOptions.builtin())) {
            long t2 = cpu();
            System.out.printf("top %s: elaborate %.2f s, compile %.2f s CPU; %s%n", d.top(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    sim.machine().describe());
            Random rnd = new Random(1);
            sim.poke("cfg_we", 0);
            sim.reset(2);
            int cfgWords = p.n() * p.m() / (p.p() * p.q());
            BigInteger[] pool = new BigInteger[16];
            int cfgBits = width(d, "cfg_wdata");
            for (int i = 0; i < pool.length; i++) pool[i] = new BigInteger(cfgBits, rnd);
            long[] sink = new long[1];
            long c0 = cpu();
            sim.runBatch(List.of("cfg_we", "cfg_addr", "cfg_wdata", "s_axis_tvalid", "m_axis_tready"), List.of("m_axis_tvalid"),
                    cfgWords, (c, row) -> {
                        row.set(0, 1);
                        row.set(1, c);
                        row.set(2, pool[(int) (c & 15)]);
                        row.set(3, 0);
                        row.set(4, 0);
                    }, (c, row) -> sink[0] += row.get(0));
            long c1 = cpu();
            BigInteger[] beats = new BigInteger[16];
            for (int i = 0; i < beats.length; i++) beats[i] = new BigInteger(width(d, "s_axis_tdata"), rnd);
            int nb = p.n() / p.p();
            sim.runBatch(List.of("s_axis_tvalid", "s_axis_tdata", "s_axis_tlast", "m_axis_tready", "cfg_we"),
                    List.of("s_axis_tready", "m_axis_tvalid", "m_axis_tdata", "m_axis_tlast"), streamCycles, (c, row) -> {
                        row.set(0, 1);
                        row.set(1, beats[(int) (c & 15)]);
                        row.set(2, c % nb == nb - 1 ? 1 : 0);
                        row.set(3, 1);
                        row.set(4, 0);
                    }, (c, row) -> sink[0] += row.get(0) + row.get(1) + row.getBig(2).bitLength() + row.get(3));
            long c2 = cpu();
            System.out.printf("config: %d cycles, %.0f cycles per CPU second; stream: %d cycles, %.0f cycles per CPU second"
                    + " (checksum %d)%n", cfgWords, cfgWords / ((c1 - c0) / 1e9), streamCycles, streamCycles / ((c2 - c1) / 1e9), sink[0]);
        }
    }

    private static int width(Design d, String input) {
        return d.topModule().inputs().stream().filter(i -> i.name().equals(input)).map(Node.Input::type).findFirst()
                .orElseThrow().width();
    }

    private static long cpu() { return CPU.getCurrentThreadCpuTime(); }
}
