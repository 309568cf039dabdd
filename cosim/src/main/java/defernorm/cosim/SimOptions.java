package defernorm.cosim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * How to open a {@link Simulation}.
 *
 * <pre>{@code
 * SimOptions opts = SimOptions.verilator().withWaves(true).withTimeout(Duration.ofSeconds(30));
 * SimOptions safe = SimOptions.verilator().withIsolation(true);  // the model in a child process
 * SimOptions named = SimOptions.verilator()
 *         .withBatchThreads(Thread.ofPlatform().daemon().name("dut-model-", 0).factory());
 * }</pre>
 *
 * @param engine    which engine runs the design
 * @param cacheDir  where built Verilator models are kept, keyed by a hash of everything that affects them
 * @param workDir   where an isolated Verilator session writes its replay log (default: a directory under
 *                  the system's temporary directory, {@link #defaultWorkDir()}; the newest logs are kept)
 * @param waves     build the model with waveform support (Verilator must then be built with --trace)
 * @param timeout   longest a single command to the engine may take before the simulation is declared hung
 *                  (isolated Verilator only: an in-process model cannot be interrupted)
 * @param isolated  Verilator only: run the model in a child process (a crash or hang cannot touch the
 *                  JVM, and every session leaves a replay log) instead of loading it into the JVM
 *                  through the FFM API (the default, much faster for poke/step/peek testbenches)
 * @param batchThreads Verilator in-process only: makes the thread that simulates a long {@code runBatch}
 *                  while the calling thread fills and observes its chunks (default: a platform daemon thread
 *                  named {@code native-batch-model}); give your own to name it, set its priority, or pin it
 *                  to a core (a thread inherits its creator's CPU affinity on Linux, so a factory whose
 *                  threads set their own affinity first keeps the model on the core you chose)
 */
public record SimOptions(Engine engine, Path cacheDir, Path workDir, boolean waves, Duration timeout, boolean isolated,
                         ThreadFactory batchThreads) {
    /** The default {@link #batchThreads()}. */
    public static final ThreadFactory DEFAULT_BATCH_THREADS =
            Thread.ofPlatform().daemon().name("native-batch-model").factory();

    public SimOptions {
        Objects.requireNonNull(batchThreads, "SimOptions needs a thread factory for batchThreads, not null");
    }

    public static Path defaultCacheDir() {
        String env = System.getenv("DEFERNORM_CACHE");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "defernorm", "verilator");
    }

    /** {@code <java.io.tmpdir>/defernorm-<user>/sessions}: replay logs, never the current directory. */
    public static Path defaultWorkDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "defernorm-" + System.getProperty("user.name"), "sessions");
    }

    public static SimOptions builtin() {
        return new SimOptions(Engine.BUILTIN, defaultCacheDir(), defaultWorkDir(), false, Duration.ofSeconds(60),
                false, DEFAULT_BATCH_THREADS);
    }

    /** Verilator, loaded into the JVM (in-process mode). */
    public static SimOptions verilator() {
        return new SimOptions(Engine.VERILATOR, defaultCacheDir(), defaultWorkDir(), false, Duration.ofSeconds(60),
                false, DEFAULT_BATCH_THREADS);
    }

    public static SimOptions of(Engine engine) {
        return engine == Engine.BUILTIN ? builtin() : verilator();
    }

    public SimOptions withWaves(boolean on) {
        return new SimOptions(engine, cacheDir, workDir, on, timeout, isolated, batchThreads);
    }

    public SimOptions withCacheDir(Path dir) {
        return new SimOptions(engine, dir, workDir, waves, timeout, isolated, batchThreads);
    }

    public SimOptions withWorkDir(Path dir) {
        return new SimOptions(engine, cacheDir, dir, waves, timeout, isolated, batchThreads);
    }

    public SimOptions withTimeout(Duration t) {
        return new SimOptions(engine, cacheDir, workDir, waves, t, isolated, batchThreads);
    }

    /** Verilator: {@code true} runs the model in a child process with a replay log (see {@link #isolated()}). */
    public SimOptions withIsolation(boolean on) {
        return new SimOptions(engine, cacheDir, workDir, waves, timeout, on, batchThreads);
    }

    /** Verilator in-process: where the thread simulating a long batch comes from (see {@link #batchThreads()}). */
    public SimOptions withBatchThreads(ThreadFactory threads) {
        return new SimOptions(engine, cacheDir, workDir, waves, timeout, isolated, threads);
    }
}
