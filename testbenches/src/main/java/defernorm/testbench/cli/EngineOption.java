package defernorm.testbench.cli;

import defernorm.cosim.Engine;
import picocli.CommandLine.Option;

/** {@code --engine auto|builtin|verilator}: auto takes Verilator when it is installed. */
public final class EngineOption {
    /** The user's choice. */
    public enum Choice { AUTO, BUILTIN, VERILATOR }

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
            description = "auto (Verilator when installed, else built-in), builtin or verilator. Default: ${DEFAULT-VALUE}.")
    Choice engine;

    /** The engine to use and the sentence to print first. */
    public EngineProbe.Choice resolve() {
        return switch (engine) {
            case AUTO -> EngineProbe.choose();
            case BUILTIN -> new EngineProbe.Choice(Engine.BUILTIN, "Engine: built-in simulator (as requested)");
            case VERILATOR -> new EngineProbe.Choice(EngineProbe.require(Engine.VERILATOR),
                    "Engine: " + EngineProbe.verilatorVersion().orElse("Verilator"));
        };
    }
}
