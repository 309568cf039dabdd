package defernorm.cosim;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to open a {@link Simulation}.
 *
 * <pre>{@code
 * SimOptions opts = SimOptions.verilator().withWaves(true).withTimeout(Duration.ofSeconds(30));
 * }</pre>
 *
 * @param engine    which engine runs the design
 * @param cacheDir  where built Verilator models are kept, keyed by a hash of everything that affects them
 * @param workDir   where this session writes its replay log and waveforms
 * @param waves     build the model with waveform support (Verilator must then be built with --trace)
 * @param timeout   longest a single command to the engine may take before the simulation is declared hung
 */
public record SimOptions(Engine engine, Path cacheDir, Path workDir, boolean waves, Duration timeout) {

    public static Path defaultCacheDir() {
        String env = System.getenv("DEFERNORM_CACHE");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "defernorm", "verilator");
    }

    public static SimOptions builtin() {
        return new SimOptions(Engine.BUILTIN, defaultCacheDir(), Path.of("rtl-out", "sim"), false, Duration.ofSeconds(60));
    }

    public static SimOptions verilator() {
        return new SimOptions(Engine.VERILATOR, defaultCacheDir(), Path.of("rtl-out", "sim"), false, Duration.ofSeconds(60));
    }

    public static SimOptions of(Engine engine) {
        return engine == Engine.BUILTIN ? builtin() : verilator();
    }

    public SimOptions withWaves(boolean on) { return new SimOptions(engine, cacheDir, workDir, on, timeout); }
    public SimOptions withCacheDir(Path dir) { return new SimOptions(engine, dir, workDir, waves, timeout); }
    public SimOptions withWorkDir(Path dir) { return new SimOptions(engine, cacheDir, dir, waves, timeout); }
    public SimOptions withTimeout(Duration t) { return new SimOptions(engine, cacheDir, workDir, waves, t); }
}
