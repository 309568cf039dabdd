package defernorm.eda;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C while a tool writes into a directory registered with {@link ProcessRunner#deleteAtExit}: the exit hook
 * kills the tool first and deletes the directory once the tool is gone, so nothing it wrote survives (deleted
 * while the tool still wrote, the directory could: the interrupted Verilator build left its {@code tmp-*}
 * entry behind that way under load).
 */
class ExitCleanupTest {
    @TempDir Path tmp;

    /** Registers {@code args[0]} and runs a tool that keeps writing files into it (run in a child JVM by the test). */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        ProcessRunner.deleteAtExit(dir);
        ProcessRunner.run(List.of("sh", "-c", "n=0; while :; do n=$((n+1)); echo x > f$n; done"),
                dir, Duration.ofMinutes(2));
    }

    @Test void ctrlCKillsTheToolThenDeletesTheDirectoryItWroteInto() throws Exception {
        for (int round = 0; round < 3; round++) {
            Path dir = Files.createDirectories(tmp.resolve("build-" + round));
            Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ExitCleanupTest.class.getName(), dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (fileCount(dir) < 200 && jvm.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
                assertTrue(jvm.isAlive(), "the tool was still writing");
                List<ProcessHandle> tools = jvm.descendants().toList();
                new ProcessBuilder("kill", "-INT", Long.toString(jvm.pid())).start().waitFor(10, TimeUnit.SECONDS);
                assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the JVM ended after SIGINT");
                assertFalse(Files.exists(dir), "round " + round + ": the directory is gone, with everything the tool wrote");
                for (ProcessHandle t : tools) assertFalse(t.isAlive(), "no tool left running: " + t.info().command());
            } finally {
                jvm.destroyForcibly();
            }
        }
    }

    private static long fileCount(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
