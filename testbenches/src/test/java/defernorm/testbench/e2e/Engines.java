package defernorm.testbench.e2e;

import defernorm.eda.ToolChecks;
import defernorm.eda.Tool;
import defernorm.cosim.Engine;
import org.junit.jupiter.api.Assumptions;

/** Engine availability for tests: Verilator tests skip where it is missing, unless CI=true (then they fail). */
final class Engines {
    private Engines() {}

    static void assumeAvailable(Engine engine) {
        if (engine == Engine.VERILATOR) ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
    }
}
