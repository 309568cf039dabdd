package defernorm.eda;

import java.io.File;
import java.io.IOException;
import java.nio.file.StandardCopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one locator of the external EDA tools: which executable to run, whether it is installed, its
 * version, and the one-sentence install hint naming the Debian/Ubuntu package. Verilator's executable can
 * be overridden with the system property {@code defernorm.verilator} (e.g. a newer build in /opt).
 *
 * <pre>{@code
 * Tool.VERILATOR.missingMessage().ifPresent(System.err::println);
 * String v = Tool.VERILATOR.installed().map(Tool.Installed::versionLine).orElse("none");
 * List<String> cmd = List.of(Tool.YOSYS.executable(), "-q", "-p", "synth");
 * }</pre>
 */
public enum Tool {
    VERILATOR("verilator", "verilator", "--version", "defernorm.verilator"),
    IVERILOG("iverilog", "iverilog", "-V", null),
    /** Icarus Verilog's simulator, from the same package as {@code iverilog}. */
    VVP("vvp", "iverilog", "-V", null),
    YOSYS("yosys", "yosys", "-V", null);

    /** The three tools {@link ToolChecks#checkAll} runs (lint, compile, synthesis). */
    public static final List<Tool> CHECKERS = List.of(VERILATOR, IVERILOG, YOSYS);

    private static final Map<String, Installed> FOUND = new ConcurrentHashMap<>();

    private final String name;
    private final String aptPackage;
    private final String versionFlag;
    private final String overrideProperty;

    Tool(String name, String aptPackage, String versionFlag, String overrideProperty) {
        this.name = name;
        this.aptPackage = aptPackage;
        this.versionFlag = versionFlag;
        this.overrideProperty = overrideProperty;
    }

    /**
     * An installed tool: the executable to run and its version text (the whole {@code --version}/{@code -V}
     * output, stripped; Verilator's is part of every model's cache key).
     */
    public record Installed(Tool tool, String executable, String version) {
        /** The first line of {@link #version()}, for a report or banner. */
        public String versionLine() { return version.lines().findFirst().orElse(version); }
    }

    /** The command to run: the tool's name, looked up on the PATH, unless its override property names another. */
    public String executable() {
        return overrideProperty == null ? name : System.getProperty(overrideProperty, name);
    }

    public String aptPackage() { return aptPackage; }

    /** Whether the executable exists (on the {@code PATH}, or at the path given), checked without running it. */
    public boolean isInstalled() { return find(executable(), System.getenv("PATH")).isPresent(); }

    /** One sentence saying how to install the tool, or empty when it is installed. */
    public Optional<String> missingMessage() { return missingMessage(System.getenv("PATH")); }

    /** {@link #missingMessage()} for a given {@code PATH} value (testable without changing the environment). */
    Optional<String> missingMessage(String pathEnv) {
        String exe = executable();
        if (find(exe, pathEnv).isPresent()) return Optional.empty();
        return Optional.of(notInstalled(exe, "") + ".");
    }

    /**
     * The not-installed sentence with a caller's alternative appended before the full stop, e.g.
     * {@code missingSentence(", or open the simulation with Engine.BUILTIN")}.
     */
    public String missingSentence(String alternative) { return notInstalled(executable(), alternative) + "."; }

    /**
     * The tool as installed (probed by running it for its version, once per executable once found), or
     * empty; a tool installed while the JVM runs is found on the next call.
     */
    public Optional<Installed> installed() { return installedAt(executable()); }

    /**
     * {@link #installed()} for a given executable path or name (what {@code defernorm.verilator} would
     * name); empty when it does not exist, does not run, or is not this tool.
     */
    public Optional<Installed> installedAt(String executable) {
        String key = name + "\u0000" + executable;
        Installed known = FOUND.get(key);
        if (known != null) return Optional.of(known);
        Optional<Installed> probed = probe(executable);
        probed.ifPresent(i -> FOUND.put(key, i));
        return probed;
    }

    /**
     * {@link #installed()}, but the version is read from a small entry under {@code cacheDir} when this very
     * executable was probed before, in any JVM: probing Verilator starts Perl (0.3 s on a loaded machine,
     * most of a cached model's start). The entry is keyed by the executable's real path, size and
     * modification time (and those of its {@code <name>_bin*} siblings), so reinstalling or upgrading the
     * tool probes again; an unreadable cache only costs the probe.
     *
     * <pre>{@code
     * Tool.Installed v = Tool.VERILATOR.installedCached(options.cacheDir()).orElseThrow(...);
     * }</pre>
     */
    public Optional<Installed> installedCached(Path cacheDir) { return installedCached(executable(), cacheDir); }

    /** {@link #installedCached(Path)} for a given executable path or name. */
    public Optional<Installed> installedCached(String exe, Path cacheDir) {
        Optional<String> fingerprint = fingerprint(exe);   // a few stat calls: checked every time
        if (fingerprint.isEmpty()) return installedAt(exe);
        Path entry = cacheDir.resolve("tool-" + name + "-" + Sha256.ofParts(List.of(fingerprint.get())).substring(0, 24) + ".version");
        try {
            if (Files.isRegularFile(entry)) return Optional.of(new Installed(this, exe, Files.readString(entry)));
        } catch (IOException e) {
            // fall through to the probe
        }
        Optional<Installed> probed = probe(exe);
        probed.ifPresent(i -> writeQuietly(entry, i.version()));
        return probed;
    }

    /** Real path, size and modification time of the executable and its {@code <name>_bin*} siblings. */
    private Optional<String> fingerprint(String exe) {
        Optional<Path> found = find(exe, System.getenv("PATH"));
        if (found.isEmpty()) return Optional.empty();
        try {
            Path real = found.get().toRealPath();
            StringBuilder sb = new StringBuilder();
            for (Path f : List.of(real, real.resolveSibling(name + "_bin"), real.resolveSibling(name + "_bin_dbg"))) {
                if (!Files.exists(f)) continue;
                Path r = f.toRealPath();
                sb.append(r).append(' ').append(Files.size(r)).append(' ').append(Files.getLastModifiedTime(r).toMillis()).append('\n');
            }
            return Optional.of(sb.toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Written to a temporary file and moved into place, so a reader never sees half a version. */
    private static void writeQuietly(Path entry, String text) {
        try {
            Files.createDirectories(entry.getParent());
            Path tmp = Files.createTempFile(entry.getParent(), "tmp-", ".version");
            Files.writeString(tmp, text);
            Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // a read-only or full cache only costs the next JVM a probe
        }
    }

    private Optional<Installed> probe(String exe) {
        if (find(exe, System.getenv("PATH")).isEmpty()) return Optional.empty();
        ProcessRunner.Outcome o = ProcessRunner.run(List.of(exe, versionFlag), Path.of("."), Duration.ofSeconds(30));
        String text = o.output().strip();
        // iverilog -V exits 1 (no input files) after printing its version; judge by what it printed.
        boolean looksRight = text.toLowerCase().contains(name.equals("vvp") || name.equals("iverilog") ? "icarus" : name);
        return o.started() && !o.timedOut() && looksRight ? Optional.of(new Installed(this, exe, text)) : Optional.empty();
    }

    private String notInstalled(String exe, String alternative) {
        String where = exe.equals(name) ? "not found on PATH"
                : "'" + exe + "', named by -D" + overrideProperty + ", does not exist or does not run";
        return name + " is not installed (" + where + "); install it with 'sudo apt-get install -y " + aptPackage + "'"
                + alternative;
    }

    private static Optional<Path> find(String exe, String pathEnv) {
        if (exe.contains(File.separator)) {
            Path p = Path.of(exe);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        if (pathEnv == null) return Optional.empty();
        for (String dir : pathEnv.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, exe);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
