package defernorm.testbench.cli;

import defernorm.accel.system.SystemLimits;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.SystemShape;
import defernorm.eda.SynthResult;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.eda.ToolResult;
import defernorm.testbench.dut.GeneratedTop;
import defernorm.testbench.dut.SystemTops;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code defernorm generate}: tops as Verilog plus their sidecar JSON, optionally linted. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate one top (--op and --variant) or all 9 (--all) as Verilog, one file per module, plus the "
                + "sidecar JSON describing ports, formats, configuration map and timing, in OUT/<TopName>/.",
                "With --lint, also run Verilator -Wall, Icarus Verilog and Yosys on each, with a line as each starts and finishes "
                + "(exit code 1 if one fails, 2 if a tool is not installed)."},
        footer = {"", "Example: defernorm generate --op rmsnorm --variant deferred -n 64 -m 32 -P 8 -Q 4 -C 3"})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--op", paramLabel = "OP", description = "layernorm, rmsnorm or softmax.")
    Op op;

    @Option(names = "--variant", paramLabel = "VARIANT", description = "standard, deferred or matmul.")
    Variant variant;

    @Option(names = "--all", description = "Generate all 9 tops (every op and variant).")
    boolean all;

    @Option(names = "--lint", description = "Run Verilator -Wall, Icarus Verilog and Yosys (no latches) on each top.")
    boolean lint;

    @Mixin ShapeOptions shape;

    @Mixin SystemOptions system;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "rtl-out", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        SystemShape sys = system.shape();
        Params params = system.params(shape);
        List<Op> ops;
        List<Variant> variants;
        if (all) {
            if (op != null || variant != null) throw new UserError("give either --all or --op with --variant, not both.");
            ops = List.of(Op.values());
            variants = List.of(Variant.STANDARD, Variant.DEFERRED, Variant.MATMUL);
        } else {
            if (op == null || variant == null) throw new UserError("name the top with --op and --variant, or use --all.");
            ops = List.of(op);
            variants = List.of(variant);
        }
        for (Op o : ops) for (Variant v : variants) SystemLimits.check(o, v, params, sys);
        if (lint) requireLintTools();
        Files2.dir(out);
        PrintWriter w = spec.commandLine().getOut();
        List<String> failed = new ArrayList<>();
        for (Op o : ops) {
            for (Variant v : variants) {
                GeneratedTop g = SystemTops.generate(o, v, params, sys, out);
                w.println("Generated " + g.name() + " in " + g.dir() + " (" + g.verilog().size() + " Verilog files"
                        + (g.sidecar() == null ? "" : ", " + g.sidecar().getFileName()) + ")");
                w.flush();
                if (lint) lint(g, w, failed);
            }
        }
        if (!failed.isEmpty()) {
            w.println("Checks failed: " + String.join(", ", failed));
            return ExitCodes.MISMATCH;
        }
        return ExitCodes.PASS;
    }

    /** --lint with a tool missing from PATH is an environment problem (exit 2), found before anything is written. */
    static void requireLintTools() {
        List<String> missing = new ArrayList<>();
        for (Tool t : Tool.CHECKERS) if (!t.isInstalled()) missing.add(t.executable());
        if (missing.isEmpty()) return;
        String names = missing.size() == 1 ? missing.get(0)
                : String.join(", ", missing.subList(0, missing.size() - 1)) + " and " + missing.get(missing.size() - 1);
        throw new UserError("--lint needs verilator, iverilog and yosys on PATH, but " + names + (missing.size() == 1 ? " is" : " are")
                + " not found; install with 'make deps' (or 'sudo apt-get install " + String.join(" ", missing) + "'), or drop --lint.");
    }

    /**
     * The three checks on one top, with a line as each tool starts and as it finishes (Yosys can take
     * minutes on a large top, so the run is never silent).
     */
    private static void lint(GeneratedTop g, PrintWriter w, List<String> failed) {
        String prefix = "  lint " + g.name() + ": ";
        w.println(prefix + "verilator running...");
        w.flush();
        finished(prefix, ToolChecks.verilatorLint(g.dir(), g.name()), "", w, failed, g.name());
        w.println(prefix + "iverilog running...");
        w.flush();
        finished(prefix, ToolChecks.iverilogCompile(g.dir(), g.name()), "", w, failed, g.name());
        w.println(prefix + "yosys running (full synthesis; a large top can take minutes)...");
        w.flush();
        SynthResult y = ToolChecks.yosysSynth(g.dir(), g.name());
        String stats = y.stats() == null ? "" : ": " + y.stats().cells() + " cells, " + y.stats().flipFlops() + " flip-flops";
        finished(prefix, y.run(), stats, w, failed, g.name());
    }

    private static void finished(String prefix, ToolResult t, String extra, PrintWriter w, List<String> failed, String top) {
        String took = String.format(java.util.Locale.ROOT, "%.1f s", t.millis() / 1000.0);
        if (t.passed()) {
            w.println(prefix + t.tool().executable() + " ok (" + took + ")" + extra);
        } else {
            w.println(prefix + t.tool().executable() + " FAILED (" + took + "): " + firstLine(t.output()));
            failed.add(top + " (" + t.tool().executable() + ")");
        }
        w.flush();
    }

    private static String firstLine(String s) {
        return s == null || s.isBlank() ? "(no output)" : s.strip().lines().findFirst().orElse("");
    }
}
