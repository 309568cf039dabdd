package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a build: the JVM's shutdown hooks delete the half-built {@code tmp-*} entry and stop the
 * build tools, so the cache holds no debris and no compiler keeps running.
 */
class InterruptedBuildTest {
    @TempDir Path cache;

    /** Builds a fresh design into the cache named by {@code args[0]} (run in a child JVM by the test). */
    public static void main(String[] args) {
        try (VerilatorSimulation sim = new VerilatorSimulation(TestDesigns.xorWith("Interrupted", System.nanoTime()),
                TestDesigns.options(Path.of(args[0]).resolve("work")).withCacheDir(Path.of(args[0])))) {
            sim.poke("a", 1);
        }
    }

    @Test void sigintMidBuildLeavesNoTmpEntry() throws Exception {
        TestDesigns.assumeVerilator();
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                InterruptedBuildTest.class.getName(), cache.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (tmpEntries().isEmpty() && jvm.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(jvm.isAlive(), "the child JVM was still building");
            Thread.sleep(1500);  // verilator and g++ are running now
            List<ProcessHandle> tools = jvm.descendants().toList();
            new ProcessBuilder("kill", "-INT", Long.toString(jvm.pid())).start().waitFor(10, TimeUnit.SECONDS);
            assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the JVM ended after SIGINT");
            assertEquals(List.of(), tmpEntries(), "no half-built entry left");
            for (ProcessHandle t : tools) t.onExit().get(20, TimeUnit.SECONDS);  // no build tool left running
        } finally {
            jvm.destroyForcibly();
        }
    }

    private List<String> tmpEntries() throws Exception {
        if (!Files.isDirectory(cache)) return List.of();
        try (Stream<Path> s = Files.list(cache)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tmp-")).toList();
        }
    }
}
