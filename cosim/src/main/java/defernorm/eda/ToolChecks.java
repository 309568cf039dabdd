package defernorm.eda;

import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.ir.Design;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;

/**
 * Runs the external checks every emitted design must pass: Verilator lint ({@code -Wall}, zero warnings,
 * no waivers), Icarus Verilog compile ({@code -g2005}) and Yosys synthesis with no latches. Each check
 * takes a directory of {@code .v} files (all of them are read) and the top module's name.
 *
 * <pre>{@code
 * CheckReport r = ToolChecks.emitAndCheckAll(design, Path.of("target/rtl/Counter"));
 * if (!r.passed()) throw new AssertionError(r.failures());
 * int ffs = r.yosys().stats().flipFlops();
 * }</pre>
 *
 * A missing tool gives a failed result whose output names the apt package to install (see
 * {@link Tool#missingMessage()}); tests skip on that unless running in CI (see {@link #skipReason}).
 */
public final class ToolChecks {
    /** Time limit of a Verilator lint or Icarus compile run; a run past it is killed and fails. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** Time limit of a Yosys run: full synthesis of a large top can take minutes on 2 busy cores. */
    public static final Duration SYNTH_TIMEOUT = Duration.ofMinutes(20);

    private ToolChecks() {}

    /**
     * For tests in any module: empty when every tool is installed, else why the test should be skipped.
     * When the environment variable {@code CI} is {@code true}, a missing tool is an error instead
     * ({@link IllegalStateException}), so CI never silently skips the checks.
     *
     * <pre>{@code
     * ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
     * }</pre>
     */
    public static Optional<String> skipReason(Tool... tools) {
        for (Tool t : tools) {
            Optional<String> missing = t.missingMessage();
            if (missing.isPresent()) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException(missing.get() + " (CI=true, so the checks cannot be skipped)");
                }
                return missing;
            }
        }
        return Optional.empty();
    }

    /** {@code verilator --lint-only -Wall}; passes only with exit code 0 and no warning at all. */
    public static ToolResult verilatorLint(Path dir, String top) {
        List<String> cmd = new ArrayList<>(List.of(Tool.VERILATOR.executable(), "--lint-only", "-Wall", "--top-module", top));
        cmd.addAll(verilogFiles(dir));
        return run(Tool.VERILATOR, cmd, dir, DEFAULT_TIMEOUT, out -> !out.contains("%Warning") && !out.contains("%Error"));
    }

    /** {@code iverilog -g2005 -o /dev/null}; passes with exit code 0 and no warning. */
    public static ToolResult iverilogCompile(Path dir, String top) {
        List<String> cmd = new ArrayList<>(List.of(Tool.IVERILOG.executable(), "-g2005", "-o", "/dev/null", "-s", top));
        cmd.addAll(verilogFiles(dir));
        return run(Tool.IVERILOG, cmd, dir, DEFAULT_TIMEOUT, out -> !out.toLowerCase().contains("warning"));
    }

    /** {@link #yosysSynth(Path, String, SynthLevel)} with the full flow, for gate-level numbers. */
    public static SynthResult yosysSynth(Path dir, String top) { return yosysSynth(dir, top, SynthLevel.FULL); }

    /**
     * {@code yosys synth -flatten} up to {@code level}, counting the {@code $mem} cells it infers before
     * memories are mapped, then the cells and flip-flop bits. Fails on any latch or {@code check -assert} problem.
     */
    public static SynthResult yosysSynth(Path dir, String top, SynthLevel level) {
        Path stats;
        try {
            stats = Files.createTempDirectory(ScratchSpace.dir(), "yosys-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temp dir for Yosys: " + e.getMessage(), e);
        }
        Path before = stats.resolve("before-memory-map.json");
        Path after = stats.resolve("final.json");
        try {
            // -q keeps the log small; the stat reports go to files through tee as JSON. "-width" names
            // word-level cells with their width (e.g. $sdffe_8) so flip-flops can be counted in bits.
            String script = "read_verilog " + String.join(" ", verilogFiles(dir)) + "; "
                    + "synth -flatten -top " + top + " -run begin:fine; "
                    + "tee -q -o " + before + " stat -json -width; "
                    + (level == SynthLevel.FULL
                        ? "synth -flatten -top " + top + " -run fine:; tee -q -o " + after + " stat -json; "
                        // Yosys 0.23 can leave a narrowed ROM's old read wire dangling mid-flow; "opt -fast"
                        // settles it so "check" judges the design, not the intermediate state.
                        : "opt -fast; ")
                    + "check -assert";
            List<String> cmd = List.of(Tool.YOSYS.executable(), "-q", "-p", script);
            ToolResult raw = run(Tool.YOSYS, cmd, dir, SYNTH_TIMEOUT, out -> true);
            if (raw.exitCode() != 0) return new SynthResult(raw, null);
            String beforeText = Files.readString(before);
            SynthStats s = YosysStats.parse(beforeText, level == SynthLevel.FULL ? Files.readString(after) : beforeText);
            boolean ok = s.latches() == 0;
            String output = ok ? raw.output() : raw.output() + "\nYosys inferred " + s.latches() + " latch(es).";
            return new SynthResult(new ToolResult(Tool.YOSYS, cmd, ok, raw.exitCode(), output, raw.millis()), s);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read Yosys statistics: " + e.getMessage(), e);
        } finally {
            FileUtils.deleteQuietly(stats.toFile());   // a leftover temp file is harmless: best effort
        }
    }

    /** All three checks on an emitted directory, with full synthesis. */
    public static CheckReport checkAll(Path dir, String top) { return checkAll(dir, top, SynthLevel.FULL); }

    /** All three checks on an emitted directory. */
    public static CheckReport checkAll(Path dir, String top, SynthLevel level) {
        return new CheckReport(top, verilatorLint(dir, top), iverilogCompile(dir, top), yosysSynth(dir, top, level));
    }

    /** {@link #emitAndCheckAll(Design, Path, SynthLevel)} with full synthesis. */
    public static CheckReport emitAndCheckAll(Design design, Path dir) { return emitAndCheckAll(design, dir, SynthLevel.FULL); }

    /** Emits {@code design} (default options) into {@code dir}, replacing its {@code .v} files, then {@link #checkAll}. */
    public static CheckReport emitAndCheckAll(Design design, Path dir, SynthLevel level) {
        try {
            if (Files.isDirectory(dir)) {
                for (String f : listVerilog(dir)) Files.delete(dir.resolve(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear old Verilog files in " + dir + ": " + e.getMessage(), e);
        }
        VerilogEmitter.writeTo(dir, VerilogEmitter.emit(design));
        return checkAll(dir, design.top(), level);
    }

    private interface OutputCheck { boolean ok(String output); }

    private static ToolResult run(Tool tool, List<String> cmd, Path dir, Duration timeout, OutputCheck check) {
        Optional<String> missing = tool.missingMessage();
        if (missing.isPresent()) return new ToolResult(tool, cmd, false, -1, missing.get(), 0);
        ProcessRunner.Outcome o = ProcessRunner.run(cmd, dir, timeout);
        boolean passed = !o.timedOut() && o.exitCode() == 0 && check.ok(o.output());
        return new ToolResult(tool, cmd, passed, o.exitCode(), o.output(), o.millis());
    }

    /** The directory's {@code .v} file names, sorted, so every tool sees the same order. */
    static List<String> verilogFiles(Path dir) {
        List<String> names = listVerilog(dir);
        if (names.isEmpty()) throw new IllegalArgumentException("no .v files in " + dir + " to check.");
        return names;
    }

    private static List<String> listVerilog(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + " is not a directory of Verilog files.");
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".v")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
    }
}
