package defernorm.cosim.verilator;

import defernorm.eda.Tool;

/**
 * A problem with the Verilator engine the user can act on: Verilator missing, the design rejected by
 * Verilator or g++, or the model's child process crashed or hung. The message is one or a few plain
 * sentences, never a stack trace.
 */
public final class VerilatorException extends RuntimeException {
    public VerilatorException(String message) { super(message); }

    public VerilatorException(String message, Throwable cause) { super(message, cause); }

    /** Verilator is missing: one sentence with the install command and the engine that needs nothing installed. */
    static VerilatorException notInstalled() {
        return new VerilatorException(Tool.VERILATOR.missingSentence(
                ", or open the simulation with Engine.BUILTIN, which needs nothing installed"));
    }
}
