package defernorm.testbench.e2e;

import defernorm.hdl.emit.ToolChecks;
import defernorm.hdl.emit.Tool;
import defernorm.cosim.Engine;
import org.junit.jupiter.api.Assumptions;

/** Engine availability for tests: Verilator tests skip where it is missing, unless CI=true (then they fail). */
final class Engines {
    private Engines() {}

    static void assumeAvailable(Engine engine) {
        if (engine == Engine.VERILATOR) ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
    }
}
