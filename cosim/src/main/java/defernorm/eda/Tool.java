package defernorm.eda;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An external EDA tool that {@link ToolChecks} runs, with the Debian/Ubuntu package that provides it.
 *
 * <pre>{@code
 * Tool.VERILATOR.missingMessage().ifPresent(System.err::println);
 * }</pre>
 */
public enum Tool {
    VERILATOR("verilator", "verilator"),
    IVERILOG("iverilog", "iverilog"),
    YOSYS("yosys", "yosys");

    private final String executable;
    private final String aptPackage;

    Tool(String executable, String aptPackage) {
        this.executable = executable;
        this.aptPackage = aptPackage;
    }

    public String executable() { return executable; }

    public String aptPackage() { return aptPackage; }

    /** Whether the executable is on the {@code PATH} (checked without running it). */
    public boolean isInstalled() { return find(System.getenv("PATH")).isPresent(); }

    /** One sentence saying how to install the tool, or empty when it is installed. */
    public Optional<String> missingMessage() { return missingMessage(System.getenv("PATH")); }

    /** {@link #missingMessage()} for a given {@code PATH} value (testable without changing the environment). */
    Optional<String> missingMessage(String pathEnv) {
        if (find(pathEnv).isPresent()) return Optional.empty();
        return Optional.of(executable + " is not installed (not found on PATH); install it with "
                + "'sudo apt-get install " + aptPackage + "'.");
    }

    private Optional<Path> find(String path) {
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, executable);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
