package defernorm.accel.units;

import defernorm.accel.AllUnits;
import defernorm.eda.CheckReport;
import defernorm.eda.SynthLevel;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.ModuleIr;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every accelerator unit, emitted, passes Verilator {@code --lint-only -Wall} with zero warnings, compiles with
 * {@code iverilog -g2005}, and synthesizes with Yosys (coarse: the units are many and multiplier-heavy) with no
 * latch and one {@code $mem} cell per memory. The language's own fixtures and examples get the same checks in
 * cosim's {@code defernorm.eda.DesignsPassToolChecksTest}.
 */
class UnitsPassToolChecksTest {

    @TempDir
    static Path root;

    @TestFactory
    List<DynamicTest> everyUnitPassesVerilatorIcarusAndYosys() {
        return AllUnits.designs().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            ToolChecks.skipReason(Tool.VERILATOR, Tool.IVERILOG, Tool.YOSYS).ifPresent(Assumptions::abort);
            Design d = e.getValue();
            CheckReport r = ToolChecks.emitAndCheckAll(d, root.resolve(d.top()), SynthLevel.COARSE);
            assertTrue(r.passed(), r.failures());
            assertEquals(d.memoryCount(d.top()), r.yosys().stats().memories(),
                    "every memory must be inferred as a Yosys $mem cell");
        })).toList();
    }
}
