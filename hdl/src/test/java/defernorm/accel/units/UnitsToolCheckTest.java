package defernorm.accel.units;

import defernorm.accel.AllUnits;
import defernorm.hdl.emit.CheckReport;
import defernorm.hdl.emit.ToolChecks;
import defernorm.hdl.ir.Design;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every unit in {@link AllUnits}: Verilator -Wall lint clean, Icarus compiles, Yosys synthesizes with no latch. */
class UnitsToolCheckTest {

    @TestFactory
    Stream<DynamicTest> everyUnitPassesTheTools() {
        Assumptions.assumeTrue(onPath("verilator") || "true".equals(System.getenv("CI")), "verilator is not installed");
        return AllUnits.designs().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Design d = e.getValue();
            CheckReport r = ToolChecks.emitAndCheckAll(d, Files.createTempDirectory("units-rtl-").resolve(e.getKey()));
            assertTrue(r.passed(), r.failures());
            assertTrue(r.yosys().stats().latches() == 0, e.getKey() + " has latches");
        }));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Path.of(dir, tool).toFile().canExecute()) return true;
        }
        return false;
    }
}
