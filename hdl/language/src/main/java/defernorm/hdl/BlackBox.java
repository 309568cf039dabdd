package defernorm.hdl;

import defernorm.hdl.ir.CycleModel;
import defernorm.hdl.ir.ExternalVerilog;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A module written in Verilog outside defernorm: declare its ports with {@code input}/{@code output} (outputs
 * are not set: the Verilog drives them), give its source text or file, and instantiate it like any
 * Component. The Verilog is emitted as given, to {@code <name>.v}; Verilator simulates it. The built-in engine
 * refuses it with one sentence unless you override {@link #model()} with a Java behavioural model.
 *
 * <pre>{@code
 * public final class Delay extends BlackBox {           // q = d one cycle later
 *     public Delay() {
 *         super("Delay8", """
 *             module Delay8 (input wire clk, input wire rst, input wire [7:0] d, output reg [7:0] q);
 *                 always @(posedge clk) q <= rst ? 8'd0 : d;
 *             endmodule
 *             """, true);
 *         input("d", Type.uint(8));
 *         output("q", Type.uint(8));
 *     }
 *     @Override protected CycleModel model() { return new DelayModel(); }   // optional
 * }
 * }</pre>
 *
 * A black box's outputs are taken to come from registers: the combinational-loop check does not look
 * through it (a behavioural model's outputs depend only on its state, by {@link CycleModel}'s contract).
 */
public abstract class BlackBox extends Component {
    private final String verilog;
    private final boolean clocked;
    private final SourceLoc at;
    private final String sourceProblem;

    /**
     * @param name    the Verilog module name, defined in {@code verilog}
     * @param verilog the module's Verilog source text
     * @param clocked whether the module has the ports {@code clk} and {@code rst} (connected like ours)
     */
    protected BlackBox(String name, String verilog, boolean clocked) {
        super(name);
        this.verilog = Objects.requireNonNull(verilog, "verilog");
        this.clocked = clocked;
        this.at = SourceLocator.here();
        this.sourceProblem = null;
    }

    /** As {@link #BlackBox(String, String, boolean)}, with the Verilog read from {@code verilogFile}. */
    protected BlackBox(String name, Path verilogFile, boolean clocked) {
        super(name);
        String text = "";
        String problem = null;
        try {
            text = Files.readString(verilogFile);
        } catch (NoSuchFileException e) {
            problem = "the Verilog file " + verilogFile + " of black box '" + name + "' does not exist.";
        } catch (IOException e) {
            problem = "the Verilog file " + verilogFile + " of black box '" + name + "' cannot be read (" + e + ").";
        }
        this.verilog = text;
        this.clocked = clocked;
        this.at = SourceLocator.here();
        this.sourceProblem = problem;
    }

    /**
     * A fresh behavioural model for the built-in engine, one per instance; null (the default) when there is
     * none, and the built-in engine then refuses the design.
     */
    protected CycleModel model() { return null; }

    /** The black box's IR: its port nodes (each output a placeholder reading itself) and its Verilog. */
    ModuleIr toIr(List<Diagnostic> problems) {
        problems.addAll(b.problems);
        if (sourceProblem != null) problems.add(Diagnostic.error(at, sourceProblem));
        else if (!Pattern.compile("\\bmodule\\s+" + Pattern.quote(name()) + "\\b").matcher(verilog).find()) {
            problems.add(Diagnostic.error(at, "the Verilog of black box '" + name() + "' does not define module '"
                    + name() + "'."));
        }
        if (!b.nets.stream().allMatch(n -> n.kind == Net.Kind.INPUT || n.kind == Net.Kind.OUTPUT)
                || !b.instances.isEmpty() || !b.memories.isEmpty() || !b.checks.isEmpty()) {
            problems.add(Diagnostic.error(at, "black box '" + name() + "' may only declare ports; its logic is its Verilog."));
        }
        List<Node> nodes = new ArrayList<>();
        for (Net p : b.ports) {
            nodes.add(p.kind == Net.Kind.INPUT ? new Node.Input(p.name, p.type, p.loc)
                    : new Node.Output(p.name, p.type, p.name, p.loc));
        }
        CycleModel probe = model();
        ExternalVerilog body = new ExternalVerilog(verilog, clocked, probe == null ? null : this::model);
        return new ModuleIr(name(), nodes, List.of(), List.of(), List.of(), List.of(), body, b.loc);
    }
}
