package defernorm.cosim.bench;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.eda.ProcessRunner;
import defernorm.hdl.ir.Design;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Time from {@code Simulations.open} to the first simulated cycle of a cached Verilator model in a fresh
 * JVM (classes not loaded, nothing JIT-compiled): what a user waits for when a test starts. Run as a
 * program by {@link #measure}; prints the milliseconds.
 */
final class FreshJvmStart {
    private FreshJvmStart() {}

    public static void main(String[] args) {
        BenchCase c = SimulatorBench.cases().stream().filter(b -> b.name().equals(args[0])).findFirst().orElseThrow();
        Design d = c.design();
        SimOptions opts = SimOptions.verilator().withCacheDir(Path.of(args[1])).withWorkDir(Path.of(args[2]));
        long t0 = System.nanoTime();
        try (Simulation sim = Simulations.open(d, opts)) {
            sim.poke(c.inputs().get(0), 1);
            sim.step();
            sim.peek(c.outputs().get(0));
        }
        System.out.println((System.nanoTime() - t0) / 1_000_000);
    }

    /** Runs {@link #main} in a new JVM for {@code c} (its model must be cached); milliseconds, or -1. */
    static long measure(BenchCase c, Path cache, Path work) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                FreshJvmStart.class.getName(), c.name(), cache.toString(), work.toString()));
        ProcessRunner.Outcome o = ProcessRunner.run(cmd, work, Duration.ofMinutes(2));
        if (!o.ok()) return -1;
        String[] lines = o.output().strip().split("\n");
        return Long.parseLong(lines[lines.length - 1].strip());
    }
}
