package defernorm.cosim.fuzz;

import defernorm.cosim.random.RandomStimulus;
import defernorm.eda.Tool;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.emit.VerilogFile;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a design's emitted Verilog in Icarus Verilog (iverilog + vvp) with a generated testbench that reads
 * the stimulus from a hex file, and returns every output on every cycle. The testbench zeroes all
 * registers and uninitialised memories at time 0, matching the two-state engines' start state.
 */
public final class IcarusRun {
    private IcarusRun() {}

    /** outputs[cycle][output] as each output's type reads it; X/Z bits make the value null. */
    public static BigInteger[][] run(Design design, RandomStimulus stim, List<Node.Output> outputs, Path dir)
            throws IOException, InterruptedException {
        dir = dir.toAbsolutePath();   // the tools run inside dir: relative paths would resolve twice
        List<Path> files = new ArrayList<>();
        for (VerilogFile f : VerilogEmitter.emit(design)) files.add(f.writeTo(dir));
        Files.writeString(dir.resolve("stim.hex"), stimulusHex(stim));
        Path tb = dir.resolve("tb.v");
        Files.writeString(tb, testbench(design, stim, outputs));
        List<String> compile = new ArrayList<>(List.of(Tool.IVERILOG.executable(), "-g2005", "-o", dir.resolve("sim.vvp").toString(), tb.toString()));
        files.forEach(p -> compile.add(p.toString()));
        exec(compile, dir);
        exec(List.of(Tool.VVP.executable(), "-n", dir.resolve("sim.vvp").toString()), dir);
        List<String> lines = Files.readAllLines(dir.resolve("out.txt"));
        BigInteger[][] result = new BigInteger[lines.size()][outputs.size()];
        for (int c = 0; c < lines.size(); c++) {
            String[] parts = lines.get(c).trim().isEmpty() ? new String[0] : lines.get(c).trim().split(" ");
            for (int o = 0; o < outputs.size(); o++) result[c][o] = parse(parts[o], outputs.get(o).type());
        }
        return result;
    }

    /** A hex word as {@code t} reads it (low {@code t.width()} bits); null when it has X or Z digits. */
    static BigInteger parse(String hex, Type t) {
        if (!hex.matches("[0-9a-fA-F]+")) return null;
        BigInteger u = new BigInteger(hex, 16).mod(BigInteger.ONE.shiftLeft(t.width()));
        return t.signed() && u.testBit(t.width() - 1) ? u.subtract(BigInteger.ONE.shiftLeft(t.width())) : u;
    }

    private static String stimulusHex(RandomStimulus stim) {
        int total = stim.types().stream().mapToInt(Type::width).sum();
        int digits = Math.max(1, (total + 3) / 4);
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < stim.cycles(); c++) {
            BigInteger word = BigInteger.ZERO;
            for (int i = 0; i < stim.inputs().size(); i++) {
                int w = stim.types().get(i).width();
                word = word.shiftLeft(w).or(stim.value(c, i).mod(BigInteger.ONE.shiftLeft(w)));
            }
            String h = word.toString(16);
            sb.append("0".repeat(digits - h.length())).append(h).append('\n');
        }
        return sb.toString();
    }

    private static String testbench(Design design, RandomStimulus stim, List<Node.Output> outputs) {
        ModuleIr top = design.topModule();
        boolean clocked = design.isClocked(top.name());
        int total = Math.max(1, stim.types().stream().mapToInt(Type::width).sum());
        StringBuilder sb = new StringBuilder("`timescale 1ns/1ps\nmodule tb;\n  reg clk = 1'b0;\n");
        for (int i = 0; i < stim.inputs().size(); i++) sb.append("  reg ").append(range(stim.types().get(i))).append(stim.inputs().get(i)).append(";\n");
        for (Node.Output o : outputs) sb.append("  wire ").append(range(o.type())).append(o.name()).append(";\n");
        sb.append("  reg [").append(total - 1).append(":0] stim [0:").append(Math.max(0, stim.cycles() - 1)).append("];\n");
        sb.append("  integer c, f, k;\n");
        List<String> conns = new ArrayList<>();
        if (clocked) conns.add(".clk(clk)");
        for (String in : stim.inputs()) conns.add("." + in + "(" + in + ")");
        for (Node.Output o : outputs) conns.add("." + o.name() + "(" + o.name() + ")");
        sb.append("  ").append(top.name()).append(" dut(").append(String.join(", ", conns)).append(");\n");
        sb.append("  initial begin\n    $readmemh(\"stim.hex\", stim);\n    f = $fopen(\"out.txt\", \"w\");\n");
        zeroState(design, top, "dut", sb);
        sb.append("    for (c = 0; c < ").append(stim.cycles()).append("; c = c + 1) begin\n");
        if (!stim.inputs().isEmpty()) sb.append("      {").append(String.join(", ", stim.inputs())).append("} = stim[c];\n");
        sb.append("      #1;\n");
        if (!outputs.isEmpty()) {
            sb.append("      $fdisplay(f, \"").append("%h ".repeat(outputs.size()).trim()).append("\", ")
                    .append(String.join(", ", outputs.stream().map(Node.Output::name).toList())).append(");\n");
        } else {
            sb.append("      $fdisplay(f, \"\");\n");
        }
        sb.append("      clk = 1'b1; #1; clk = 1'b0; #1;\n    end\n    $fclose(f);\n    $finish;\n  end\nendmodule\n");
        return sb.toString();
    }

    /** Zeroes registers, read ports and memories without initial contents, through hierarchical names. */
    private static void zeroState(Design design, ModuleIr m, String path, StringBuilder sb) {
        for (Node n : m.nodes()) {
            if (n instanceof Node.Reg || n instanceof Node.MemRead) sb.append("    ").append(path).append('.').append(n.name()).append(" = 0;\n");
        }
        for (Memory mem : m.memories()) {
            if (mem.init().isEmpty()) {
                sb.append("    for (k = 0; k < ").append(mem.depth()).append("; k = k + 1) ").append(path).append('.')
                        .append(mem.name()).append("[k] = 0;\n");
            }
        }
        for (Instance i : m.instances()) zeroState(design, design.module(i.module()).orElseThrow(), path + "." + i.name(), sb);
    }

    private static String range(Type t) { return t.width() == 1 ? "" : "[" + (t.width() - 1) + ":0] "; }

    private static void exec(List<String> cmd, Path dir) throws IOException, InterruptedException {
        ToolRun.exec(cmd, dir, 120);
    }
}
