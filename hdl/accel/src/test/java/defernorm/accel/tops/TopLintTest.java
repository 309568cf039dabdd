package defernorm.accel.tops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.golden.model.Params;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.eda.ToolResult;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.ir.Design;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every top, at the configurations the end-to-end tests use, passes {@code verilator --lint-only -Wall} with
 * zero warnings and compiles with Icarus Verilog. (Yosys synthesis of the tops takes about a minute each,
 * so it runs in {@link TopSynthBench}, outside the unit-test suite.)
 */
class TopLintTest {
    static Stream<Params> shapes() {
        return Stream.of(new Params(8, 4, 2, 2, 0), new Params(12, 6, 4, 3, 2), new Params(12, 6, 6, 1, 1), new Params(8, 4, 1, 4, 3),
                new Params(6, 4, 6, 2, 1), new Params(20, 8, 4, 2, 9), new Params(4, 4, 4, 4, 0), new Params(24, 8, 8, 2, 60),
                new Params(64, 512, 8, 4, 90), new Params(256, 32, 8, 8, 32));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyTopLintsCleanAndCompiles(Params p, @TempDir Path dir) {
        ToolChecks.skipReason(Tool.VERILATOR, Tool.IVERILOG).ifPresent(Assumptions::abort);
        Map<String, Design> tops = AllTops.designs(p);
        assertEquals(9, tops.size());
        for (Design d : tops.values()) {
            Path out = dir.resolve(d.top());
            VerilogEmitter.writeTo(out, VerilogEmitter.emit(d));
            ToolResult lint = ToolChecks.verilatorLint(out, d.top());
            assertTrue(lint.passed(), d.top() + ": " + lint.summary() + "\n" + lint.output());
            ToolResult icarus = ToolChecks.iverilogCompile(out, d.top());
            assertTrue(icarus.passed(), d.top() + ": " + icarus.summary() + "\n" + icarus.output());
        }
    }
}
