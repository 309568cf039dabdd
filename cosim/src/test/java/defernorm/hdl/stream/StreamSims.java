package defernorm.hdl.stream;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.hdl.Component;
import defernorm.hdl.Elaborator;
import org.junit.jupiter.api.Assumptions;

/** Opens a stream component on an engine, reset; skips a Verilator run where Verilator is missing. */
final class StreamSims {
    private StreamSims() {}

    static Simulation open(Component c, Engine e) {
        if (e == Engine.VERILATOR) ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
        Simulation sim = Simulations.open(Elaborator.elaborate(c), SimOptions.of(e));
        sim.reset();
        return sim;
    }
}
