package defernorm.cosim.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.eda.CheckReport;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.hdl.Component;
import defernorm.hdl.Elaborator;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Type;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two netlists under one base name (once an error) become two suffixed modules that both engines and the tools take. */
class DedupOnBothEnginesTest {
    @TempDir Path work;

    /** a + k on {@code width} bits, named only "AddK": the width and k are not in the name. */
    static final class AddK extends Component {
        AddK(int width, int k) {
            super("AddK");
            output("o", Type.uint(width + 1)).set(input("a", Type.uint(width)).plus(k));
        }
    }

    static Design design() {
        return Elaborator.elaborate(new Component("Adders") {{
            Signal a = input("a", Type.uint(4));
            Inst u0 = instance("u0", new AddK(4, 1));
            Inst u1 = instance("u1", new AddK(4, 2));
            Inst u2 = instance("u2", new AddK(4, 1));       // the same netlist as u0: one module
            Inst u3 = instance("u3", new AddK(5, 1));
            for (Inst u : new Inst[]{u0, u1, u2}) u.in("a", a);
            u3.in("a", a.extend(5));
            output("y0", Type.uint(5)).set(u0.out("o"));
            output("y1", Type.uint(5)).set(u1.out("o"));
            output("y2", Type.uint(5)).set(u2.out("o"));
            output("y3", Type.uint(6)).set(u3.out("o"));
        }});
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eachVariantComputesItsOwnFunction(Engine e) {
        if (e == Engine.VERILATOR) ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
        Design d = design();
        assertEquals(4, d.modules().size(), d.modules().stream().map(ModuleIr::name).toList().toString());
        try (Simulation sim = Simulations.open(d, SimOptions.of(e).withWorkDir(work))) {
            sim.poke("a", 15);
            sim.expect("y0", 16);
            sim.expect("y1", 17);
            sim.expect("y2", 16);
            sim.expect("y3", 16);
        }
    }

    @Test
    void theSuffixedModulesPassLintIcarusAndSynthesis() {
        ToolChecks.skipReason(Tool.VERILATOR, Tool.IVERILOG, Tool.YOSYS).ifPresent(Assumptions::abort);
        Design d = design();
        VerilogEmitter.writeTo(work, VerilogEmitter.emit(d));
        CheckReport r = ToolChecks.checkAll(work, d.top());
        assertTrue(r.passed(), r.failures());
    }
}
