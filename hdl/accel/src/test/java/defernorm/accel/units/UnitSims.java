package defernorm.accel.units;

import defernorm.eda.ToolChecks;
import defernorm.eda.Tool;
import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.hdl.Elaborator;
import defernorm.hdl.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.stream.Stream;

/**
 * Opens a unit on a simulation engine. Every unit test runs on the built-in engine, and on Verilator too
 * when it is installed (always under CI=true, where a missing Verilator must fail, not skip).
 */
final class UnitSims {
    private UnitSims() {}

    static Stream<Engine> engines() {
        String only = System.getProperty("units.engine");   // e.g. -Dunits.engine=BUILTIN for a quick run
        if (only != null && !only.isBlank()) return Stream.of(Engine.valueOf(only.trim().toUpperCase()));
        boolean verilator = ToolChecks.skipReason(Tool.VERILATOR).isEmpty();   // fails instead under CI=true
        return verilator ? Stream.of(Engine.BUILTIN, Engine.VERILATOR) : Stream.of(Engine.BUILTIN);
    }

    /**
     * The parameter sets a test sweeps on {@code engine}: all of them on the built-in engine, the first
     * only on Verilator (each new design costs a Verilator build; the built-in run covers the sweep).
     */
    @SafeVarargs
    static <T> java.util.List<T> shapes(Engine engine, T... all) {
        return engine == Engine.VERILATOR ? java.util.List.of(all[0]) : java.util.List.of(all);
    }

    static Simulation open(Component unit, Engine engine) {
        SimOptions opts = SimOptions.of(engine);
        try {
            opts = opts.withWorkDir(Files.createTempDirectory("units-sim-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Simulations.open(Elaborator.elaborate(unit), opts);
    }
}
