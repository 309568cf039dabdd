package defernorm.cosim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.cosim.verilator.VerilatorSimulation;
import defernorm.eda.Tool;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator benchmark ({@code make bench}): the three designs on (a) Verilator's native loop,
 * (b) Verilator from Java in batch mode with every output checked, (c) the built-in engine and (d) Icarus
 * Verilog, plus cold and cached build times; writes docs/benchmarks.md ("Simulators") and
 * rtl-out/bench.json. Each run lasts a few seconds per engine and design.
 */
@Tag("bench")
class SimulatorBench {
    private static final long SEED = 0x5EEDL;
    private static final double SECONDS_PER_RUN = Double.parseDouble(System.getProperty("bench.seconds", "2"));
    private static final int REPEATS = Integer.getInteger("bench.repeats", 3);
    /**
     * The co-simulation modes: how many rounds of a run and the native loop back to back (four per core and
     * order at the default), and each run's seconds (short: this machine's speed moves within a second).
     */
    private static final int COSIM_ROUNDS = Integer.getInteger("bench.cosim.rounds", 16);
    private static final double COSIM_SECONDS = Double.parseDouble(System.getProperty("bench.cosim.seconds", "0.1"));

    @TempDir Path tmp;

    @Test void simulators() throws Exception {
        Path root = projectRoot();
        SimOptions opts = SimOptions.verilator().withCacheDir(tmp.resolve("cache")).withWorkDir(tmp.resolve("work"))
                .withTimeout(Duration.ofMinutes(5));
        long runtimeMs = VerilatorSimulation.warmRuntime(opts);
        List<CaseResult> results = new ArrayList<>();
        List<CosimRecord> cosim = new ArrayList<>();
        CosimModes modes = new CosimModes(COSIM_SECONDS, COSIM_ROUNDS);
        for (BenchCase c : cases()) {
            CaseResult r = measure(c, opts);
            System.out.println(r);
            results.add(r);
            for (CosimRecord m : modes.measure(c, opts)) {
                System.out.println(m);
                cosim.add(m);
            }
        }
        BenchReport.Context ctx = new BenchReport.Context(
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                machine(), Runtime.getRuntime().availableProcessors(),
                version(Tool.VERILATOR), version(Tool.IVERILOG), runtimeMs);
        BenchReport.write(root.resolve("docs/benchmarks.md"), root.resolve("rtl-out/bench.json"), ctx, results, cosim,
                modes.coreSpeeds());
        for (CosimRecord m : cosim) assertTrue(m.checked(), m + ": outputs differ from the Java model");
        for (CaseResult r : results) {
            assertTrue(r.batchMatchesNative(), r.name() + ": Java batch and native loop disagree");
            assertTrue(r.icarusMatchesVerilator(), r.name() + ": Icarus and Verilator disagree");
        }
    }

    /** The three bench designs. */
    static List<BenchCase> cases() {
        return List.of(new MacArrayCase(4, 4), new MacArrayCase(16, 16), new AdderTreeCase(64));
    }

    /**
     * The Simulators table: (a) and (b) on the isolated model (child process), whose CPU time can be
     * told apart from the JVM's; the cached start on the default (in-process) model.
     */
    private CaseResult measure(BenchCase c, SimOptions inProcess) throws Exception {
        List<String> notes = new ArrayList<>();
        SimOptions opts = inProcess.withIsolation(true);
        long t0 = System.nanoTime();
        VerilatorSimulation sim = new VerilatorSimulation(c.design(), opts);
        long coldMs = ms(t0);
        long nativeCycles, batchCycles;
        double nativeRate = 0, batchRate = 0;
        double nativeCpu = Double.MAX_VALUE, batchChildCpu = Double.MAX_VALUE, batchJavaCpu = Double.MAX_VALUE;
        boolean batchOk = true;
        try {
            c.setup(sim);
            VerilatorSimulation.NativeRun probe = sim.runNative(c.inputs(), c.outputs(), 200_000, SEED);
            long n = clamp((long) (probe.cyclesPerSecond() * SECONDS_PER_RUN), 200_000, 100_000_000);
            nativeCycles = batchCycles = n;
            for (int rep = 0; rep < REPEATS; rep++) {  // interleaved, best of each: the machine is shared
                c.setup(sim);
                long child0 = CpuTime.children();
                VerilatorSimulation.NativeRun a = sim.runNative(c.inputs(), c.outputs(), n, SEED);
                nativeCpu = Math.min(nativeCpu, (CpuTime.children() - child0) / (double) n);
                nativeRate = Math.max(nativeRate, a.cyclesPerSecond());
                c.setup(sim);
                CheckingObserver obs = new CheckingObserver(c, SEED);
                child0 = CpuTime.children();
                long java0 = CpuTime.jvm();
                long tb = System.nanoTime();
                sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.stimulus(c, SEED), obs);
                batchRate = Math.max(batchRate, n / ((System.nanoTime() - tb) / 1e9));
                batchJavaCpu = Math.min(batchJavaCpu, (CpuTime.jvm() - java0) / (double) n);
                batchChildCpu = Math.min(batchChildCpu, (CpuTime.children() - child0) / (double) n);
                assertEquals(0, obs.mismatches(), c.name() + ": Verilator differs from the Java model from cycle " + obs.firstMismatch());
                batchOk &= obs.checksum() == a.checksum();
            }
        } finally {
            sim.close();
        }

        try (Simulation build = Simulations.open(c.design(), inProcess)) {
            build.peek(c.outputs().get(0));  // builds the in-process model if needed
        }
        long t1 = System.nanoTime();
        try (Simulation again = Simulations.open(c.design(), inProcess)) {
            again.peek(c.outputs().get(0));
        }
        long cachedMs = ms(t1);
        long freshJvmMs = FreshJvmStart.measure(c, inProcess.cacheDir(), inProcess.workDir());

        long builtinCycles = 0, builtinMismatches = 0;
        double builtinRate = Double.NaN;
        try (Simulation b = Simulations.open(c.design(), SimOptions.builtin())) {
            c.setup(b);
            long probeN = 20_000;
            long tp = System.nanoTime();
            b.runBatch(c.inputs(), c.outputs(), probeN, CheckingObserver.stimulus(c, SEED), new CheckingObserver(c, SEED));
            double probeRate = probeN / ((System.nanoTime() - tp) / 1e9);
            builtinCycles = clamp((long) (probeRate * SECONDS_PER_RUN), 20_000, 100_000_000);
            builtinRate = 0;
            for (int rep = 0; rep < REPEATS; rep++) {  // best of, as (a) and (b): the first runs are still compiling
                c.setup(b);
                CheckingObserver obs = new CheckingObserver(c, SEED);
                long tb = System.nanoTime();
                b.runBatch(c.inputs(), c.outputs(), builtinCycles, CheckingObserver.stimulus(c, SEED), obs);
                builtinRate = Math.max(builtinRate, builtinCycles / ((System.nanoTime() - tb) / 1e9));
                builtinMismatches += obs.mismatches();
            }
        } catch (RuntimeException e) {
            notes.add("built-in engine: " + e.getMessage());
        }

        IcarusSpeedRun icarus = new IcarusSpeedRun(c, tmp.resolve("icarus-" + c.name()));
        IcarusSpeedRun.Result small = icarus.run(200);
        IcarusSpeedRun.Result probe = icarus.run(2_000);
        double estimate = (probe.cycles() - small.cycles()) / Math.max(1e-3, probe.seconds() - small.seconds());
        long icarusCycles = clamp((long) (estimate * SECONDS_PER_RUN), 2_000, 10_000_000);
        IcarusSpeedRun.Result big = icarus.run(icarusCycles);
        double icarusRate = (big.cycles() - small.cycles()) / Math.max(1e-3, big.seconds() - small.seconds());
        boolean icarusOk;
        try (VerilatorSimulation check = new VerilatorSimulation(c.design(), opts)) {
            c.setup(check);
            icarusOk = check.runNative(c.inputs(), c.outputs(), icarusCycles, 0).checksum() == big.checksum();
        }

        return new CaseResult(c.name(), c.title(), nativeCycles, nativeRate, batchCycles, batchRate, batchOk,
                builtinCycles, builtinRate, builtinMismatches, icarusCycles, icarusRate, icarusOk,
                coldMs, cachedMs, freshJvmMs, nativeCpu, batchChildCpu, batchJavaCpu, String.join("; ", notes));
    }

    private static long clamp(long v, long lo, long hi) { return Math.max(lo, Math.min(hi, v)); }

    private static long ms(long t0) { return (System.nanoTime() - t0) / 1_000_000; }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
    }

    private static String machine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return Runtime.getRuntime().availableProcessors() + " cores, load average "
                + String.format(Locale.ROOT, "%.1f", load) + " at start, Java " + System.getProperty("java.version");
    }

    private static String version(Tool tool) {
        return tool.installed().map(Tool.Installed::versionLine).orElse(tool.executable() + " (not found)");
    }
}
