package defernorm.accel.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.SystemShape;
import defernorm.golden.system.Topology;
import defernorm.hdl.Elaborator;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.eda.ToolResult;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.ir.Design;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * System tops pass {@code verilator --lint-only -Wall} with zero warnings and compile with Icarus: every op ×
 * variant on a tree with register links, and a ring with long (memory) links and multi-flit statistics.
 */
class SystemLintTest {
    static Stream<Arguments> systems() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Op op : Op.values()) {
            for (Variant v : Variant.values()) b.add(Arguments.of(op, v, new Params(32, 8, 4, 4, 0), new SystemShape(4, Topology.TREE, 2, 64)));
        }
        b.add(Arguments.of(Op.SOFTMAX, Variant.DEFERRED, new Params(48, 8, 2, 4, 0), new SystemShape(3, Topology.RING, 30, 16)));
        b.add(Arguments.of(Op.LAYERNORM, Variant.STANDARD, new Params(64, 8, 2, 2, 0), new SystemShape(8, Topology.RING, 20, 32)));
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("systems")
    void lintsCleanAndCompiles(Op op, Variant v, Params p, SystemShape shape, @TempDir Path dir) {
        ToolChecks.skipReason(Tool.VERILATOR, Tool.IVERILOG).ifPresent(Assumptions::abort);
        Design d = Elaborator.elaborate(SystemGenerator.generate(op, v, p, shape));
        Path out = dir.resolve(d.top());
        VerilogEmitter.writeTo(out, VerilogEmitter.emit(d));
        ToolResult lint = ToolChecks.verilatorLint(out, d.top());
        assertTrue(lint.passed(), d.top() + ": " + lint.summary() + "\n" + lint.output());
        ToolResult icarus = ToolChecks.iverilogCompile(out, d.top());
        assertTrue(icarus.passed(), d.top() + ": " + icarus.summary() + "\n" + icarus.output());
    }
}
