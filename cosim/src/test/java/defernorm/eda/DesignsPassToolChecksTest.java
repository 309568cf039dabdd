package defernorm.eda;

import defernorm.hdl.emit.IrFixtures;
import defernorm.hdl.emit.IrBuilder;
import defernorm.hdl.emit.TestDesigns;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.emit.VerilogFile;
import defernorm.hdl.emit.EmitOptions;
import defernorm.hdl.ir.Design;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every IR fixture and language example, emitted, passes Verilator {@code --lint-only -Wall} with zero warnings,
 * compiles with {@code iverilog -g2005}, and synthesizes with Yosys with no latch and one {@code $mem} cell per
 * memory. Prints each design's tool times and cell counts (see the surefire output file). The accelerator
 * units get the same checks in accel's {@code UnitsPassToolChecksTest}.
 */
class DesignsPassToolChecksTest {

    @TempDir
    static Path root;

    @TestFactory
    List<DynamicTest> everyDesignPassesVerilatorIcarusAndYosys() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Design> e : TestDesigns.all().entrySet()) {
            Design d = e.getValue();
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                ToolAssume.installed(Tool.VERILATOR, Tool.IVERILOG, Tool.YOSYS);
                CheckReport r = ToolChecks.emitAndCheckAll(d, root.resolve(d.top()), SynthLevel.FULL);
                System.out.printf("%-40s lint %5d ms, iverilog %5d ms, yosys %6d ms, cells %6d, FFs %5d, $mem %d%n",
                        e.getKey(), r.verilator().millis(), r.iverilog().millis(), r.yosys().run().millis(),
                        r.yosys().stats() == null ? -1 : r.yosys().stats().cells(),
                        r.yosys().stats() == null ? -1 : r.yosys().stats().flipFlops(),
                        r.yosys().stats() == null ? -1 : r.yosys().stats().memories());
                assertTrue(r.passed(), r.failures());
                assertEquals(d.memoryCount(d.top()), r.yosys().stats().memories(),
                        "every memory must be inferred as a Yosys $mem cell");
            }));
        }
        return tests;
    }
}
