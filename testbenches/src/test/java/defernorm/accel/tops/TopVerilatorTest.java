package defernorm.accel.tops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.SimOptions;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.Tops;
import defernorm.testbench.stimulus.Flow;
import defernorm.testbench.stimulus.RandomTokens;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A few tops on Verilator (the same checks as {@link TopEndToEndTest}; one Verilator build each). */
class TopVerilatorTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"RMSNORM, DEFERRED", "LAYERNORM, STANDARD", "SOFTMAX, DEFERRED", "SOFTMAX, STANDARD"})
    void matchesTheGoldenModelOnVerilator(Op op, Variant v) {
        ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
        Params p = new Params(12, 6, 4, 3, 2);
        LayerConfig cfg = RandomLayers.config(op, p, 21L);
        List<byte[]> tokens = RandomTokens.generate(p.n(), 8, 22L);
        CheckResult free = Checker.check(Tops.underTest(v, cfg), CheckPlan.free(tokens, 1L), SimOptions.verilator());
        assertTrue(free.passed(), free.summary());
        CheckResult bp = Checker.check(Tops.underTest(v, cfg), CheckPlan.free(tokens, 2L).withFlow(Flow.random(0.7, 0.5)),
                SimOptions.verilator());
        assertTrue(bp.passed(), bp.summary());
    }
}
