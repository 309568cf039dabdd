package defernorm.testbench.e2e;

import defernorm.cosim.SimOptions;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.Tops;
import defernorm.testbench.stimulus.EdgeCases;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() {
        Params p = new Params(16, 8, 4, 2, 2);
        for (Op op : new Op[] {Op.RMSNORM}) for (Variant v : Variant.values()) {
            try {
                var cfg = RandomLayers.config(op, p, 1L);
                long t0 = System.nanoTime();
                CheckResult r = Checker.check(Tops.underTest(v, cfg), CheckPlan.free(EdgeCases.mixedWithRandom(16, 20, 1L), 1L), SimOptions.verilator());
                System.out.println(r.summary() + " latency " + r.latency() + " cpt " + r.cyclesPerToken() + " " + (System.nanoTime() - t0) / 1e6 + " ms");
            } catch (RuntimeException e) {
                System.out.println(op + " " + v + ": " + e);
            }
        }
    }
}
