package com.example.hw;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.hdl.Component;
import defernorm.hdl.Elaborator;
import org.junit.jupiter.api.Assumptions;

/** Opens a design on either engine; a Verilator test is skipped, with the reason, when Verilator is not installed. */
final class Engines {
    private Engines() {}

    static Simulation open(Component design, Engine engine) {
        return open(design, SimOptions.of(engine));
    }

    static Simulation open(Component design, SimOptions options) {
        if (options.engine() == Engine.VERILATOR) {
            // Skips with "verilator is not installed (not found on PATH); install it with ..."; fails instead under CI=true.
            ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
        }
        return Simulations.open(Elaborator.elaborate(design), options);
    }
}
