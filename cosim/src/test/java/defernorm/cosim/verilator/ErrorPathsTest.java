package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.SimOptions;
import defernorm.eda.Tool;
import defernorm.hdl.emit.VerilogFile;
import defernorm.hdl.ir.Design;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way the Verilator engine can fail gives one clear error and leaves nothing behind. */
class ErrorPathsTest {
    @TempDir Path work;

    @Test void missingVerilatorNamesTheInstallCommandAndTheBuiltinEngine() {
        assertTrue(Tool.VERILATOR.installedAt("/nonexistent/verilator").isEmpty());
        VerilatorException e = VerilatorException.notInstalled();
        assertTrue(e.getMessage().contains("apt-get install -y verilator"), e.getMessage());
        assertTrue(e.getMessage().contains("Engine.BUILTIN"), e.getMessage());
        assertEquals(1, e.getMessage().split("\\. ").length, "one sentence: " + e.getMessage());
    }

    @Test void missingVerilatorThroughTheSimulationApi() {
        String old = System.getProperty("defernorm.verilator");
        System.setProperty("defernorm.verilator", "/nonexistent/verilator");
        try {
            VerilatorException e = assertThrows(VerilatorException.class,
                    () -> new VerilatorSimulation(TestDesigns.widget(), TestDesigns.options(work)));
            assertTrue(e.getMessage().contains("apt-get install -y verilator"));
        } finally {
            if (old == null) System.clearProperty("defernorm.verilator");
            else System.setProperty("defernorm.verilator", old);
        }
    }

    @Test void verilatorErrorsShowTheVerilogFileAndLine() throws Exception {
        TestDesigns.assumeVerilator();
        Design d = TestDesigns.xorWith("Broken", 1);
        String bad = "module Broken(input wire [15:0] a, output wire [15:0] y);\n"
                + "  assign y = a ^ ;\n"
                + "endmodule\n";
        Path cache = SimOptions.defaultCacheDir();  // shared, so Verilator's runtime library is built only once
        VerilatorException e = assertThrows(VerilatorException.class,
                () -> new VerilatorSimulation(d, List.of(new VerilogFile("Broken.v", bad)), TestDesigns.options(work)));
        assertTrue(e.getMessage().contains("Broken.v:2"), e.getMessage());
        assertTrue(e.getMessage().contains("assign y = a ^ ;"), e.getMessage());
        assertFalse(e.getMessage().contains("/tmp-"), "no temp paths: " + e.getMessage());
        try (var s = Files.list(cache)) {
            assertTrue(s.map(p -> p.getFileName().toString()).noneMatch(n ->
                    n.startsWith("tmp-model-Broken") || n.startsWith("model-Broken") && !n.endsWith(".lock")),
                    "a failed build leaves no entry, complete or partial");
        }
    }

    @Test void gccErrorsAreShortenedToFileAndLine() {
        String out = "g++ -c ../src/harness.cpp\n"
                + "/tmp/cache/tmp-model-x/src/harness.cpp:12:5: error: 'foo' was not declared in this scope\n"
                + "make: *** [Vx.mk:63: harness.o] Error 1\n";
        String msg = BuildErrors.describe("X", out, java.util.Map.of());
        assertTrue(msg.contains("harness.cpp:12:5: error: 'foo' was not declared"), msg);
        assertFalse(msg.contains("/tmp/cache"), msg);
    }

    @Test void crashedChildIsReportedAndGone() throws Exception {
        TestDesigns.assumeVerilator();
        VerilatorSimulation sim = new VerilatorSimulation(TestDesigns.widget(), TestDesigns.isolated(work));
        try {
            long pid = sim.pid();
            signal("SEGV", pid);
            VerilatorException e = assertThrows(VerilatorException.class, () -> sim.peek("count"));
            assertTrue(e.getMessage().contains("crashed"), e.getMessage());
            assertTrue(e.getMessage().contains("signal 11"), e.getMessage());
            assertTrue(e.getMessage().contains("--replay"), e.getMessage());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            IllegalStateException later = assertThrows(IllegalStateException.class, () -> sim.peek("count"));
            assertTrue(later.getMessage().contains("crashed"));
        } finally {
            sim.close();
        }
    }

    @Test void hungChildTimesOutIsKilledAndLeavesNoProcess() throws Exception {
        TestDesigns.assumeVerilator();
        VerilatorSimulation sim = new VerilatorSimulation(TestDesigns.widget(),
                TestDesigns.isolated(work).withTimeout(Duration.ofMillis(800)));
        try {
            long pid = sim.pid();
            signal("STOP", pid);
            long t0 = System.nanoTime();
            VerilatorException e = assertThrows(VerilatorException.class, () -> sim.peek("count"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(e.getMessage().contains("did not answer within 800 ms"), e.getMessage());
            assertTrue(ms < 10_000, "took " + ms + " ms");
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(5, TimeUnit.SECONDS).join());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "child killed");
        } finally {
            sim.close();
        }
    }

    @Test void hungChildDuringABatchTimesOut() throws Exception {
        TestDesigns.assumeVerilator();
        VerilatorSimulation sim = new VerilatorSimulation(TestDesigns.widget(),
                TestDesigns.isolated(work).withTimeout(Duration.ofMillis(800)));
        try {
            long pid = sim.pid();
            VerilatorException e = assertThrows(VerilatorException.class, () ->
                    sim.runBatch(List.of("a"), List.of("dbl"), 10_000_000, (c, in) -> in.set(0, c & 0xFF),
                            (c, out) -> { if (c == 1000) signal("STOP", pid); }));
            assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(5, TimeUnit.SECONDS).join());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        } finally {
            sim.close();
        }
    }

    @Test void closingLeavesNoChildProcess() {
        TestDesigns.assumeVerilator();
        VerilatorSimulation sim = new VerilatorSimulation(TestDesigns.widget(), TestDesigns.isolated(work));
        long pid = sim.pid();
        sim.close();
        sim.close();  // idempotent
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test void twoBuildersOfOneDesignShareOneEntry() throws Exception {
        TestDesigns.assumeVerilator();
        // A design nobody built before, under a name of its own: a fresh constant gives a fresh cache key, and
        // the name keeps other test runs sharing the default cache (building their own "Twice") out of the check.
        long stamp = System.nanoTime();
        String name = "Twice_" + Long.toHexString(stamp);
        Design d = TestDesigns.xorWith(name, stamp);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    try (VerilatorSimulation sim = new VerilatorSimulation(d, TestDesigns.options(work))) {
                        sim.poke("a", 0);
                        return sim.peekLong("y");
                    }
                }));
            }
            long first = results.get(0).get(5, TimeUnit.MINUTES);
            assertEquals(first, results.get(1).get(5, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
        }
        try (var s = Files.list(SimOptions.defaultCacheDir())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("tmp-model-" + name)), "no partial entry left");
        }
    }

    private static void signal(String sig, long pid) {
        try {
            Process k = new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).start();
            k.waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
