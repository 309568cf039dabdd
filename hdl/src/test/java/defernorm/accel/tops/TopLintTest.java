package defernorm.accel.tops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import defernorm.golden.model.Params;
import defernorm.hdl.emit.CheckReport;
import defernorm.hdl.emit.Tool;
import defernorm.hdl.emit.ToolChecks;
import defernorm.hdl.ir.Design;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every top, at the configurations the end-to-end tests use: Verilator -Wall clean, Icarus, Yosys without latches. */
class TopLintTest {
    static java.util.stream.Stream<Params> shapes() {
        return java.util.stream.Stream.of(new Params(8, 4, 2, 2, 0), new Params(12, 6, 4, 3, 2), new Params(12, 6, 6, 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyTopPassesTheToolChecks(Params p, @TempDir Path dir) {
        Optional<String> skip = ToolChecks.skipReason(Tool.values());
        if (!"true".equals(System.getenv("CI"))) assumeTrue(skip.isEmpty(), skip.orElse(""));
        Map<String, Design> tops = AllTops.designs(p);
        assertEquals(9, tops.size());
        for (Design d : tops.values()) {
            CheckReport r = ToolChecks.emitAndCheckAll(d, dir.resolve(d.top()));
            assertTrue(r.passed(), d.top() + ": " + r.failures());
        }
    }
}
