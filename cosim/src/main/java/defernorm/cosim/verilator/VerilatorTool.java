package defernorm.cosim.verilator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The installed {@code verilator} executable and its version (part of every cache key). The executable
 * is {@code verilator} from the PATH unless the system property {@code defernorm.verilator} names another.
 */
record VerilatorTool(String executable, String version) {
    private static final Map<String, VerilatorTool> FOUND = new ConcurrentHashMap<>();

    static final String NOT_INSTALLED = "Verilator is not installed (no `%s` on the PATH): install it with "
            + "`apt-get install -y verilator`, or open the simulation with Engine.BUILTIN, which needs nothing installed.";

    static VerilatorTool locate() { return locate(System.getProperty("defernorm.verilator", "verilator")); }

    static VerilatorTool locate(String executable) {
        VerilatorTool t = FOUND.get(executable);
        if (t != null) return t;
        t = probe(executable);
        FOUND.put(executable, t);
        return t;
    }

    private static VerilatorTool probe(String executable) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("defernorm-verilator-probe");
            CommandRunner.Result r = CommandRunner.run(List.of(executable, "--version"), dir, Duration.ofSeconds(30));
            if (!r.ok() || !r.output().startsWith("Verilator")) throw new VerilatorException(String.format(NOT_INSTALLED, executable));
            return new VerilatorTool(executable, r.output().strip());
        } catch (IOException e) {
            throw new VerilatorException(String.format(NOT_INSTALLED, executable));
        } finally {
            if (dir != null) FileTrees.deleteQuietly(dir);
        }
    }
}
