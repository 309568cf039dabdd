package defernorm.cosim.verilator;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a build tool (verilator, which runs make and g++) with a timeout. Output goes to a file so a chatty
 * tool never blocks on a full pipe; on timeout the whole process tree is killed, so nothing is orphaned.
 */
final class CommandRunner {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        // A JVM stopped mid-build (Ctrl-C) must not leave verilator, make and g++ running.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(CommandRunner::killTree), "kill-build-tools"));
    }

    private CommandRunner() {}

    record Result(int exitCode, String output, boolean timedOut) {
        boolean ok() { return exitCode == 0 && !timedOut; }
    }

    /** Runs {@code command} in {@code dir}; an executable that cannot be started throws IOException. */
    static Result run(List<String> command, Path dir, Duration timeout) throws IOException {
        Path log = Files.createTempFile(dir, "command-", ".log");
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        RUNNING.add(p);
        try {
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) killTree(p);
            return new Result(done ? p.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8), !done);
        } catch (InterruptedException e) {
            killTree(p);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        } finally {
            RUNNING.remove(p);
            Files.deleteIfExists(log);
        }
    }

    static void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
