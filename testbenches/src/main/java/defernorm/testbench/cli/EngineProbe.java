package defernorm.testbench.cli;

import defernorm.cosim.Engine;
import defernorm.eda.Tool;
import java.util.Optional;

/**
 * Finds out whether Verilator is installed, so the main job can use it or say it fell back to the built-in
 * engine.
 *
 * <pre>{@code EngineProbe.Choice c = EngineProbe.choose(); System.out.println(c.note()); }</pre>
 */
public final class EngineProbe {
    private EngineProbe() {}

    /** The engine picked and the sentence explaining why. */
    public record Choice(Engine engine, String note) {}

    /** Verilator's version line (of {@code -Ddefernorm.verilator} when set), or empty when it cannot be run. */
    public static Optional<String> verilatorVersion() {
        return Tool.VERILATOR.installed().map(Tool.Installed::versionLine);
    }

    /** Verilator when present, else the built-in engine, with a note for the first line of output. */
    public static Choice choose() {
        return verilatorVersion()
                .map(v -> new Choice(Engine.VERILATOR, "Engine: " + v))
                .orElseGet(() -> new Choice(Engine.BUILTIN,
                        "Engine: built-in simulator (Verilator not found; install it with 'make deps' or 'apt-get install -y verilator' for the faster engine)"));
    }

    /** The engine the user named, checked: asking for Verilator where it is missing is an environment error. */
    public static Engine require(Engine wanted) {
        if (wanted == Engine.VERILATOR && verilatorVersion().isEmpty()) {
            throw new UserError("Verilator is not installed: run 'make deps' (or 'apt-get install -y verilator'), or use --engine builtin.");
        }
        return wanted;
    }
}
