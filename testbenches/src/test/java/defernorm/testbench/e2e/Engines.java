package defernorm.testbench.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import defernorm.cosim.Engine;
import defernorm.testbench.cli.EngineProbe;
import org.junit.jupiter.api.Assumptions;

/** Engine availability for tests: Verilator tests skip where it is missing, unless CI=true (then they fail). */
final class Engines {
    private Engines() {}

    static final boolean VERILATOR = EngineProbe.verilatorVersion().isPresent();

    static void assumeAvailable(Engine engine) {
        if (engine != Engine.VERILATOR || VERILATOR) return;
        if ("true".equals(System.getenv("CI"))) fail("Verilator is not installed, and CI=true requires it ('make deps').");
        Assumptions.abort("Verilator is not installed");
    }
}
