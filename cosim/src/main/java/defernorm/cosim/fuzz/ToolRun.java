package defernorm.cosim.fuzz;

import defernorm.eda.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The fuzz runners' way to call a tool: {@link ProcessRunner} (timeouts, no orphans, Ctrl-C kills the tool),
 * turned into an exception carrying the tool's output when it fails, so a rejection reads as the tool's
 * own error.
 */
final class ToolRun {
    private ToolRun() {}

    static void exec(List<String> cmd, Path dir, int timeoutSeconds) throws IOException {
        ProcessRunner.Outcome o = ProcessRunner.run(cmd, dir, Duration.ofSeconds(timeoutSeconds));
        if (o.timedOut()) throw new IOException(cmd.get(0) + " did not finish within " + timeoutSeconds + " s");
        if (o.exitCode() != 0) throw new IOException(cmd.get(0) + " failed:\n" + o.output());
    }
}
