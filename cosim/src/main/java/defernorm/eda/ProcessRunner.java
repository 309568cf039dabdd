package defernorm.eda;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command with a timeout and captures its combined output. Output goes to a temp file
 * rather than a pipe so a chatty tool can never block on a full pipe; on timeout the process and all its
 * descendants are killed, so no orphan is left behind; a JVM exiting mid-run (Ctrl-C) kills them too and
 * then deletes the {@link ScratchSpace} the tools wrote their temporaries into.
 *
 * <pre>{@code
 * ProcessRunner.Outcome o = ProcessRunner.run(List.of("iverilog", "-V"), Path.of("."), Duration.ofSeconds(10));
 * if (o.exitCode() != 0) System.err.println(o.output());
 * }</pre>
 */
public final class ProcessRunner {
    private ProcessRunner() {}

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            RUNNING.forEach(ProcessRunner::kill);
            ScratchSpace.delete();
        }, "defernorm-tool-reaper"));
    }

    /** How a command ended: its exit code (-1 when it could not run or timed out) and combined output. */
    public record Outcome(int exitCode, String output, boolean timedOut, long millis) {}

    /** Runs {@code command} in {@code workDir}, killing it (and its children) after {@code timeout}. */
    public static Outcome run(List<String> command, Path workDir, Duration timeout) {
        long start = System.nanoTime();
        Path log = null;
        Process p = null;
        try {
            Path scratch = ScratchSpace.dir();
            log = Files.createTempFile(scratch, "tool-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("TMPDIR", scratch.toString());
            p = pb
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            RUNNING.add(p);
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) kill(p);
            String out = Files.readString(log, StandardCharsets.UTF_8);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!done) {
                return new Outcome(-1, out + "\n" + command.get(0) + " did not finish within "
                        + timeout.toSeconds() + " s and was killed.", true, millis);
            }
            return new Outcome(p.exitValue(), out, false, millis);
        } catch (IOException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Outcome(-1, "could not run " + String.join(" ", command) + ": " + e.getMessage(), false, millis);
        } catch (InterruptedException e) {
            if (p != null) kill(p);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } finally {
            if (p != null) RUNNING.remove(p);
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void destroyTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static void kill(Process p) {
        destroyTree(p);
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
