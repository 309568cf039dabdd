package defernorm.testbench.cli;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.emit.CheckReport;
import defernorm.hdl.emit.ToolChecks;
import defernorm.hdl.emit.ToolResult;
import defernorm.testbench.dut.GeneratedTop;
import defernorm.testbench.dut.Tops;
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
                "With --lint, also run Verilator -Wall, Icarus Verilog and Yosys on each (exit code 1 if one fails)."},
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

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "rtl-out", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        Params params = shape.params();
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
        Files2.dir(out);
        PrintWriter w = spec.commandLine().getOut();
        List<String> failed = new ArrayList<>();
        for (Op o : ops) {
            for (Variant v : variants) {
                GeneratedTop g = Tops.generate(o, v, params, out);
                w.println("Generated " + g.name() + " in " + g.dir() + " (" + g.verilog().size() + " Verilog files"
                        + (g.sidecar() == null ? "" : ", " + g.sidecar().getFileName()) + ")");
                if (lint) {
                    CheckReport r = ToolChecks.checkAll(g.dir(), g.name());
                    for (ToolResult t : List.of(r.verilator(), r.iverilog(), r.yosys().run())) {
                        w.println("  " + t.tool().executable() + ": " + (t.passed() ? "ok" : "FAILED: " + firstLine(t.output())));
                        if (!t.passed()) failed.add(g.name() + " (" + t.tool().executable() + ")");
                    }
                    if (r.yosys().stats() != null) {
                        w.println("  yosys: " + r.yosys().stats().cells() + " cells, " + r.yosys().stats().flipFlops() + " flip-flops");
                    }
                }
                w.flush();
            }
        }
        if (!failed.isEmpty()) {
            w.println("Checks failed: " + String.join(", ", failed));
            return ExitCodes.MISMATCH;
        }
        return ExitCodes.PASS;
    }

    private static String firstLine(String s) {
        return s == null || s.isBlank() ? "(no output)" : s.strip().lines().findFirst().orElse("");
    }
}
