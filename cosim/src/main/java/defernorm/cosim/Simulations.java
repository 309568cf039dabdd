package defernorm.cosim;

import defernorm.cosim.builtin.BuiltinSimulation;
import defernorm.cosim.verilator.VerilatorSimulation;
import defernorm.hdl.ir.Design;

/**
 * Opens a {@link Simulation} of an elaborated design on the engine the options name.
 *
 * <pre>{@code
 * try (Simulation sim = Simulations.open(Elaborator.elaborate(new Counter(8)), SimOptions.verilator())) { ... }
 * }</pre>
 */
public final class Simulations {
    private Simulations() {}

    public static Simulation open(Design design, SimOptions options) {
        return switch (options.engine()) {
            case BUILTIN -> new BuiltinSimulation(design, options);
            case VERILATOR -> new VerilatorSimulation(design, options);
        };
    }
}
