package defernorm.cosim.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external tool (verilator, make, iverilog, vvp, a built model) for the fuzz runners, its output in
 * {@code log-<tool>.txt} in the working directory. A tool still running when the JVM stops (Ctrl-C during
 * {@code make fuzz}) is killed with its children, so an interrupted campaign leaves no orphan compiler.
 */
final class ToolRun {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ToolRun::kill), "fuzz-tool-reaper"));
    }

    private ToolRun() {}

    /** Runs {@code cmd} in {@code dir}; throws with the tool's log when it fails or overruns. */
    static void exec(List<String> cmd, Path dir, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = dir.resolve("log-" + Path.of(cmd.get(0)).getFileName() + ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RUNNING.add(p);
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                kill(p);
                throw new IOException(cmd.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        } finally {
            RUNNING.remove(p);
        }
        if (p.exitValue() != 0) throw new IOException(cmd.get(0) + " failed:\n" + Files.readString(log));
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
