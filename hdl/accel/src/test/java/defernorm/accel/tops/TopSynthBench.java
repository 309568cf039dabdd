package defernorm.accel.tops;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import defernorm.golden.model.Params;
import defernorm.eda.SynthResult;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.ir.Design;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Yosys synthesis of all 9 tops at a small size: no latches, and the cell / flip-flop counts printed for
 * docs/datapaths.md. Slow (about a minute per top), so tagged {@code bench}: run with
 * {@code mvn -pl hdl test -Dtest=TopSynthBench -DexcludedGroups=none}.
 */
@Tag("bench")
class TopSynthBench {
    @Test
    void synthesizesWithoutLatches(@TempDir Path dir) {
        assumeTrue(ToolChecks.skipReason(Tool.YOSYS).isEmpty(), "yosys is not installed");
        for (Design d : AllTops.designs(new Params(16, 8, 4, 2, 2)).values()) {
            Path out = dir.resolve(d.top());
            VerilogEmitter.writeTo(out, VerilogEmitter.emit(d));
            SynthResult r = ToolChecks.yosysSynth(out, d.top());
            System.out.println(d.top() + ": " + r);
            assertTrue(r.passed(), d.top() + ": " + r);
        }
    }

    /** Cells and flip-flops of RMSNorm deferred vs standard at the default shape (n=64, m=32, P=8, Q=4, C=0), for docs/datapaths.md. */
    @Test
    void deferredVersusStandardAtTheDefaultShape(@TempDir Path dir) {
        assumeTrue(ToolChecks.skipReason(Tool.YOSYS).isEmpty(), "yosys is not installed");
        for (defernorm.golden.model.Variant v : defernorm.golden.model.Variant.values()) {
            Design d = defernorm.hdl.Elaborator.elaborate(TopGenerator.generate(defernorm.golden.model.Op.RMSNORM, v, new Params(64, 32, 8, 4, 0)));
            Path out = dir.resolve(d.top());
            VerilogEmitter.writeTo(out, VerilogEmitter.emit(d));
            SynthResult r = ToolChecks.yosysSynth(out, d.top());
            System.out.println(d.top() + ": " + r);
            assertTrue(r.passed(), d.top() + ": " + r);
        }
    }
}
