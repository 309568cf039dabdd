package defernorm.cosim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The installed {@code verilator} executable and its version (part of every cache key). The executable
 * is {@code verilator} from the PATH unless the system property {@code defernorm.verilator} names another.
 *
 * <pre>{@code
 * VerilatorTool tool = VerilatorTool.locate(options.cacheDir());  // "Verilator 5.006 2023-01-22 rev ..."
 * }</pre>
 */
record VerilatorTool(String executable, String version) {
    private static final Map<String, VerilatorTool> FOUND = new ConcurrentHashMap<>();

    static final String NOT_INSTALLED = "Verilator is not installed (no `%s` on the PATH): install it with "
            + "`apt-get install -y verilator`, or open the simulation with Engine.BUILTIN, which needs nothing installed.";

    static VerilatorTool locate() { return locate(System.getProperty("defernorm.verilator", "verilator")); }

    /**
     * Like {@link #locate()}, but a fresh JVM reads the version from {@code cacheDir} instead of running
     * {@code verilator --version} (a Perl start-up, 0.3 s on a loaded machine: most of a cached model's
     * start). The entry is keyed by the executable's real path, size and modification time (and those of
     * its {@code verilator_bin} siblings), so reinstalling or upgrading Verilator asks again.
     */
    static VerilatorTool locate(Path cacheDir) {
        String executable = System.getProperty("defernorm.verilator", "verilator");
        VerilatorTool t = FOUND.get(executable);
        if (t != null) return t;
        t = fromCache(executable, cacheDir);
        FOUND.put(executable, t);
        return t;
    }

    /** The version from {@code cacheDir}'s entry for this very executable, asking it (once) if there is none. */
    static VerilatorTool fromCache(String executable, Path cacheDir) {
        Optional<String> fingerprint = fingerprint(executable);
        if (fingerprint.isEmpty()) return locate(executable);  // not found here: probe, which says what is wrong
        String key = "tool-" + BuildCache.sha256(List.of("verilator-version-v1", fingerprint.get())).substring(0, 24);
        try {
            Path entry = new BuildCache(cacheDir).getOrBuild(key,
                    dir -> Files.writeString(dir.resolve("version.txt"), probe(executable).version())).dir();
            return new VerilatorTool(executable, Files.readString(entry.resolve("version.txt")));
        } catch (IOException | UncheckedIOException e) {
            return locate(executable);  // an unreadable cache costs the probe, nothing else
        }
    }

    static VerilatorTool locate(String executable) {
        VerilatorTool t = FOUND.get(executable);
        if (t != null) return t;
        t = probe(executable);
        FOUND.put(executable, t);
        return t;
    }

    /** Real path, size and modification time of the executable and its {@code verilator_bin*} siblings; empty if not found. */
    private static Optional<String> fingerprint(String executable) {
        Optional<Path> exe = onPath(executable);
        if (exe.isEmpty()) return Optional.empty();
        try {
            Path real = exe.get().toRealPath();
            List<Path> files = new ArrayList<>(List.of(real));
            for (String sibling : List.of("verilator_bin", "verilator_bin_dbg")) {
                Path s = real.resolveSibling(sibling);
                if (Files.exists(s)) files.add(s.toRealPath());
            }
            StringBuilder sb = new StringBuilder();
            for (Path f : files) {
                sb.append(f).append(' ').append(Files.size(f)).append(' ').append(Files.getLastModifiedTime(f).toMillis()).append('\n');
            }
            return Optional.of(sb.toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> onPath(String executable) {
        if (executable.contains("/")) return Optional.of(Path.of(executable)).filter(Files::isExecutable);
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, executable);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
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
