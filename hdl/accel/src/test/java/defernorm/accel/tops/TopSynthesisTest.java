package defernorm.accel.tops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.golden.model.Params;
import defernorm.eda.SynthLevel;
import defernorm.eda.SynthResult;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.ir.Design;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every top synthesizes with Yosys without a latch and with its memories inferred. Coarse synthesis (up to
 * {@code opt}/{@code check}, before gate mapping) at a small configuration keeps this inside the suite's time
 * budget; full synthesis with cell counts at larger sizes is {@link TopSynthBench}.
 */
class TopSynthesisTest {
    @Test
    void everyTopSynthesizesWithoutLatches(@TempDir Path dir) {
        ToolChecks.skipReason(Tool.YOSYS).ifPresent(Assumptions::abort);
        var tops = AllTops.designs(new Params(4, 2, 2, 1, 1));
        assertEquals(9, tops.size());
        for (Design d : tops.values()) {
            Path out = dir.resolve(d.top());
            VerilogEmitter.writeTo(out, VerilogEmitter.emit(d));
            SynthResult synth = ToolChecks.yosysSynth(out, d.top(), SynthLevel.COARSE);
            assertTrue(synth.passed(), d.top() + ": " + synth.run().summary() + "\n" + synth.run().output());
            assertEquals(0, synth.stats().latches(), d.top() + " has latches");
        }
    }
}
