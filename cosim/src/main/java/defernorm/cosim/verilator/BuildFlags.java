package defernorm.cosim.verilator;

import java.util.ArrayList;
import java.util.List;

/**
 * The Verilator options every model and the shared runtime are built with (part of the cache keys).
 *
 * <pre>{@code
 * List<String> cmd = new ArrayList<>(List.of("verilator", "--cc", "--exe", "--build"));
 * cmd.addAll(BuildFlags.OPTIMIZATION);   // what the engine's models are built with, e.g. for a speed comparison
 * }</pre>
 */
public final class BuildFlags {
    /** Verilator's and the C++ compiler's optimization flags, the same for every model the engine builds. */
    public static final List<String> OPTIMIZATION = List.of(
            "-O3", "--x-assign", "fast", "--x-initial", "fast", "-Wno-fatal",
            "-CFLAGS", "-O3", "-MAKEFLAGS", "OPT_FAST=-O3");

    private BuildFlags() {}

    /**
     * Flags for a model (and its runtime) that runs as a child process ({@code inProcess} false) or is
     * loaded into the JVM (then everything is position-independent). Verilator's runtime leaves
     * {@code vl_finish}/{@code vl_stop}/{@code vl_fatal} to our C++ (model_core.inc), so a stopping model
     * cannot exit the JVM and reports itself in the same words in both modes.
     */
    static List<String> of(boolean trace, boolean inProcess) {
        List<String> f = new ArrayList<>(OPTIMIZATION);
        if (trace) f.add("--trace");
        f.addAll(List.of("-CFLAGS", "-DVL_USER_FINISH", "-CFLAGS", "-DVL_USER_STOP", "-CFLAGS", "-DVL_USER_FATAL"));
        // A shared library pays for symbol interposition: every call between the model's functions goes
        // through the PLT and cannot be inlined across. Nothing interposes on a model, so bind them directly,
        // as in the executable.
        if (inProcess) f.addAll(List.of("-CFLAGS", "-fPIC", "-CFLAGS", "-fno-semantic-interposition",
                "-LDFLAGS", "-Wl,-Bsymbolic"));
        return List.copyOf(f);
    }
}
