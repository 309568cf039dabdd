package defernorm.cosim.bench;

import defernorm.eda.ProcessRunner;
import defernorm.eda.Tool;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.emit.VerilogFile;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a benchmark design in Icarus Verilog on the same emitted Verilog: a generated testbench does the
 * case's setup, then drives the same xorshift stimulus and folds the outputs into the same checksum as
 * the Verilator native loop, so the two can be compared bit for bit.
 */
final class IcarusSpeedRun {
    record Result(long cycles, double seconds, long checksum) {
        double cyclesPerSecond() { return cycles / seconds; }
    }

    private final BenchCase bench;
    private final Path dir;
    private final Path vvp;

    IcarusSpeedRun(BenchCase bench, Path dir) throws IOException, InterruptedException {
        this.bench = bench;
        this.dir = Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of(Tool.IVERILOG.executable(), "-g2005", "-o", "sim.vvp", "tb.v"));
        for (VerilogFile f : VerilogEmitter.emit(bench.design())) {
            f.writeTo(dir);
            cmd.add(f.fileName());
        }
        Files.writeString(dir.resolve("tb.v"), testbench());
        String out = run(cmd, 600);
        this.vvp = dir.resolve("sim.vvp");
        if (!Files.exists(vvp)) throw new IllegalStateException("iverilog failed: " + out);
    }

    /** Runs {@code cycles} cycles; the time is the whole vvp run (startup is measured separately by the caller). */
    Result run(long cycles) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        String out = run(List.of(Tool.VVP.executable(), "-n", "sim.vvp", "+cycles=" + cycles), 3600);
        double s = (System.nanoTime() - t0) / 1e9;
        Matcher m = Pattern.compile("checksum ([0-9a-f]+)").matcher(out);
        if (!m.find()) throw new IllegalStateException("vvp printed no checksum: " + out);
        return new Result(cycles, s, Long.parseUnsignedLong(m.group(1), 16));
    }

    private String run(List<String> cmd, int timeoutSeconds) {
        ProcessRunner.Outcome o = ProcessRunner.run(cmd, dir, Duration.ofSeconds(timeoutSeconds));
        if (o.timedOut()) throw new IllegalStateException(cmd.get(0) + " timed out");
        return o.output();
    }

    private String testbench() {
        ModuleIr top = bench.design().topModule();
        StringBuilder v = new StringBuilder("`timescale 1ns/1ps\nmodule tb;\n  reg clk = 0;\n  reg rst = 0;\n");
        StringBuilder conn = new StringBuilder("    .clk(clk), .rst(rst)");
        for (Node.Input in : top.inputs()) {
            v.append("  reg [").append(in.type().width() - 1).append(":0] ").append(in.name()).append(" = 0;\n");
            conn.append(", .").append(in.name()).append('(').append(in.name()).append(')');
        }
        for (Node.Output out : top.outputs()) {
            v.append("  wire [").append(out.type().width() - 1).append(":0] ").append(out.name()).append(";\n");
            conn.append(", .").append(out.name()).append('(').append(out.name()).append(')');
        }
        v.append("  ").append(top.name()).append(" dut(\n").append(conn).append(");\n");
        v.append("  reg [63:0] tb_s;\n  reg [63:0] tb_sum;\n  integer tb_c, tb_n;\n  initial begin\n");
        v.append("    if (!$value$plusargs(\"cycles=%d\", tb_n)) tb_n = 1000;\n");
        v.append(bench.setupVerilog());
        v.append("    tb_s = 64'h9E3779B97F4A7C15; tb_sum = 0;\n");
        v.append("    for (tb_c = 0; tb_c < tb_n; tb_c = tb_c + 1) begin\n");
        List<String> ins = bench.inputs();
        List<Integer> inW = bench.inputWidths();
        for (int i = 0; i < ins.size(); i++) {
            v.append("      tb_s = tb_s ^ (tb_s << 13); tb_s = tb_s ^ (tb_s >> 7); tb_s = tb_s ^ (tb_s << 17); ")
                    .append(ins.get(i)).append(" = tb_s[").append(inW.get(i) - 1).append(":0];\n");
        }
        v.append("      #1;\n");
        List<String> outs = bench.outputs();
        List<Integer> outW = bench.outputWidths();
        for (int i = 0; i < outs.size(); i++) {
            v.append("      tb_sum = (tb_sum ^ {").append(64 - outW.get(i)).append("'d0, ").append(outs.get(i))
                    .append("}) * 64'h100000001B3;\n");
        }
        v.append("      clk = 1; #1 clk = 0;\n    end\n");
        v.append("    $display(\"checksum %h\", tb_sum);\n    $finish;\n  end\nendmodule\n");
        return v.toString();
    }
}
