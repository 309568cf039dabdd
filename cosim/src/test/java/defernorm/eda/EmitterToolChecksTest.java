package defernorm.eda;

import defernorm.hdl.emit.EmitOptions;
import defernorm.hdl.emit.IrBuilder;
import defernorm.hdl.emit.IrFixtures;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.ir.Design;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Edge cases of the emitter's output, checked by the real tools. */
class EmitterToolChecksTest {

    @Test
    void aModuleWithoutPortsPassesVerilatorLint(@TempDir Path dir) {
        ToolAssume.installed(Tool.VERILATOR);
        Design d = new Design("Empty", List.of(new IrBuilder("Empty").build()));
        assertTrue(ToolChecks.emitAndCheckAll(d, dir).verilator().passed());
    }

    @Test
    void annotatedOutputAlsoPassesAllChecks(@TempDir Path dir) {
        ToolAssume.installed(Tool.VERILATOR, Tool.IVERILOG, Tool.YOSYS);
        EmitOptions all = EmitOptions.defaults().withSourceComments(true).withVerilatorPublicDebug(true);
        for (Design d : List.of(IrFixtures.edges(), IrFixtures.macPair())) {
            Path out = dir.resolve(d.top());
            VerilogEmitter.writeTo(out, VerilogEmitter.emit(d, all));
            CheckReport r = ToolChecks.checkAll(out, d.top(), SynthLevel.COARSE);
            assertTrue(r.passed(), r.failures());
        }
    }
}
