package defernorm.eda;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;

/**
 * The one way defernorm runs an external command (lint, Icarus, Yosys, Verilator builds, the fuzz
 * campaign's tools, version probes): with a timeout, stdin from {@code /dev/null}, and the combined output
 * captured in a file rather than a pipe, so a chatty tool can never block on a full pipe, then returned as
 * a string. On timeout or interrupt the process and all its descendants are killed, so no orphan is left
 * behind; a JVM exiting mid-run (Ctrl-C) kills them too, waits for them to be gone, and only then deletes
 * the {@link ScratchSpace} the tools got as {@code TMPDIR} and the directories registered with
 * {@link #deleteAtExit} (a half-built cache entry: deleted while a compiler still wrote into it, it could
 * survive the delete). Long-lived children with pipes (the isolated Verilator session) are started by
 * their owner but registered here with {@link #killAtExit}, so the same exit hook reaps them. Once the JVM
 * is exiting, no new command starts.
 *
 * <pre>{@code
 * ProcessRunner.Outcome o = ProcessRunner.run(List.of("iverilog", "-V"), Path.of("."), Duration.ofSeconds(10));
 * if (!o.ok()) System.err.println(o.output());
 * }</pre>
 */
public final class ProcessRunner {
    private ProcessRunner() {}

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Set<Path> DELETE_AT_EXIT = ConcurrentHashMap.newKeySet();
    /** Guards starting a process against the exit hook, which sets {@link #exiting} under it. */
    private static final Object STARTING = new Object();
    private static boolean exiting;
    /** How long the exit hook waits for killed tools to be gone before deleting what they wrote into. */
    private static final long EXIT_WAIT_MILLIS = 5_000;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessRunner::reapAtExit, "defernorm-tool-reaper"));
    }

    /** The exit hook: kill every tool, wait for them to be gone, then delete what they may have been writing into. */
    private static void reapAtExit() {
        List<ProcessHandle> tools = new ArrayList<>();
        synchronized (STARTING) {
            exiting = true;
            RUNNING.forEach(p -> tools.addAll(tree(p)));
        }
        tools.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_WAIT_MILLIS);
        for (ProcessHandle t : tools) {
            try {
                t.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                // best effort: delete anyway
            }
        }
        ScratchSpace.delete();
        DELETE_AT_EXIT.forEach(dir -> FileUtils.deleteQuietly(dir.toFile()));
    }

    /**
     * How a command ended.
     *
     * @param exitCode its exit code; -1 when it could not start or timed out
     * @param output   stdout and stderr, interleaved (for a command that could not start: why)
     * @param timedOut whether it was killed at the timeout
     * @param started  whether the executable could be started at all
     * @param millis   wall time
     */
    public record Outcome(int exitCode, String output, boolean timedOut, boolean started, long millis) {
        /** Started, finished in time and exited with 0. */
        public boolean ok() { return started && !timedOut && exitCode == 0; }
    }

    /**
     * Runs {@code command} in {@code workDir}, killing it (and its children) after {@code timeout}. An
     * interrupt kills it too, restores the thread's interrupt flag and throws {@link IllegalStateException}.
     */
    public static Outcome run(List<String> command, Path workDir, Duration timeout) {
        long start = System.nanoTime();
        Path log = null;
        Process p = null;
        try {
            Path scratch = ScratchSpace.dir();
            log = Files.createTempFile(scratch, "tool-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("TMPDIR", scratch.toString());
            pb.directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            synchronized (STARTING) {
                if (exiting) {
                    return new Outcome(-1, command.get(0) + " was not started: the JVM is exiting.", false, false, 0);
                }
                p = pb.start();
                RUNNING.add(p);
            }
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) kill(p);
            String out = Files.readString(log, StandardCharsets.UTF_8);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!done) {
                return new Outcome(-1, out + "\n" + command.get(0) + " did not finish within "
                        + timeout.toSeconds() + " s and was killed.", true, true, millis);
            }
            return new Outcome(p.exitValue(), out, false, true, millis);
        } catch (IOException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Outcome(-1, "could not run " + String.join(" ", command) + ": " + e.getMessage(), false, p != null, millis);
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

    /** Registers a long-lived child its owner started, so a JVM exiting mid-session kills it (and its children). */
    public static void killAtExit(Process p) { RUNNING.add(p); }

    /** Undoes {@link #killAtExit} once the owner has ended the child itself. */
    public static void forget(Process p) { RUNNING.remove(p); }

    /**
     * Deletes {@code dir} if the JVM exits (Ctrl-C) before {@link #forget(Path)}, after the tools that may be
     * writing into it are gone: a build's temporary directory.
     */
    public static void deleteAtExit(Path dir) { DELETE_AT_EXIT.add(dir); }

    /** Undoes {@link #deleteAtExit} once the owner has dealt with the directory itself. */
    public static void forget(Path dir) { DELETE_AT_EXIT.remove(dir); }

    /** Kills {@code p} and its descendants and waits up to 10 s for it to be gone. */
    public static void kill(Process p) {
        destroyTree(p);
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void destroyTree(Process p) { tree(p).forEach(ProcessHandle::destroyForcibly); }

    /** {@code p}'s descendants, then {@code p}: the processes a kill must reach. */
    private static List<ProcessHandle> tree(Process p) {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        return all;
    }
}
