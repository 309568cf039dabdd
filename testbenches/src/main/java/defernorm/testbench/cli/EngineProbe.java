package defernorm.testbench.cli;

import defernorm.cosim.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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

    /** Verilator's version line, or empty when it cannot be run. */
    public static Optional<String> verilatorVersion() {
        try {
            Process p = new ProcessBuilder("verilator", "--version").redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out.lines().findFirst().orElse(out)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
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
