package defernorm.testbench.bench;

import defernorm.eda.ProcessRunner;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Verilog version of a {@link VerilogSpeedCase} under Icarus Verilog, driven by a Verilog testbench
 * that does exactly what the {@link SpeedHarness} C++ loop does (reset, the setup cycles, then per cycle:
 * xorshift inputs, settle, fold every output into the checksum, rising edge), so its checksum can be
 * compared with Verilator's bit for bit. Compiled as SystemVerilog ({@code -g2012}): the hand-written MAC
 * arrays use array ports.
 *
 * <pre>{@code
 * long sum = IcarusSpeedCheck.checksum(c, pair.handWritten().sourceDir(), tmp.resolve("icarus-hand"), 2_000);
 * }</pre>
 */
final class IcarusSpeedCheck {
    private IcarusSpeedCheck() {}

    /** The checksum of {@code cycles} loop cycles of the Verilog files in {@code sources} (a built {@link SpeedBuild}'s directory) under Icarus. */
    static long checksum(VerilogSpeedCase c, Path sources, Path dir, long cycles) throws IOException {
        Files.createDirectories(dir);
        List<Path> files;
        try (var listing = Files.list(sources)) {
            files = listing.filter(f -> f.toString().endsWith(".v")).sorted().toList();
        }
        Path tb = Files.writeString(dir.resolve("speed_tb.v"), testbench(c));
        List<String> cmd = new ArrayList<>(List.of("iverilog", "-g2012", "-o", "sim.vvp", tb.toString()));
        for (Path p : files) cmd.add(p.toString());
        ProcessRunner.Outcome build = ProcessRunner.run(cmd, dir, Duration.ofMinutes(10));
        if (build.exitCode() != 0) throw new IllegalStateException("iverilog failed in " + dir + ":\n" + build.output());
        ProcessRunner.Outcome run = ProcessRunner.run(List.of("vvp", "-n", "sim.vvp", "+cycles=" + cycles), dir, Duration.ofMinutes(20));
        Matcher m = Pattern.compile("checksum ([0-9a-f]+)").matcher(run.output());
        if (run.exitCode() != 0 || !m.find()) throw new IllegalStateException("vvp in " + dir + " printed no checksum:\n" + run.output());
        return Long.parseUnsignedLong(m.group(1), 16);
    }

    private static String testbench(VerilogSpeedCase c) {
        StringBuilder v = new StringBuilder("`timescale 1ns/1ps\nmodule speed_tb;\n    reg clk = 0;\n    reg rst = 1;\n");
        StringBuilder pins = new StringBuilder("        .clk(clk), .rst(rst)");
        for (Map.Entry<String, Integer> in : c.allInputs().entrySet()) {
            v.append("    reg [").append(in.getValue() - 1).append(":0] ").append(in.getKey()).append(" = 0;\n");
            pins.append(",\n        .").append(in.getKey()).append('(').append(in.getKey()).append(')');
        }
        for (VerilogSpeedCase.Port out : c.outputs()) {
            v.append("    wire [").append(out.width() - 1).append(":0] ").append(out.name()).append(";\n");
            pins.append(",\n        .").append(out.name()).append('(').append(out.name()).append(')');
        }
        v.append("    ").append(c.ours().topModule().name()).append(" dut (\n").append(pins).append("\n    );\n");
        v.append("    reg [63:0] tb_st;\n    reg [63:0] tb_sum;\n    integer tb_n, tb_i;\n");
        v.append("    task tb_tick; begin clk = 1; #1; clk = 0; end endtask\n");
        v.append("    initial begin\n        if (!$value$plusargs(\"cycles=%d\", tb_n)) tb_n = 1000;\n");
        v.append("        #1; tb_tick; rst = 0;\n");
        for (Map<String, BigInteger> cycle : c.setup()) {
            cycle.forEach((name, value) -> v.append("        ").append(name).append(" = ")
                    .append(c.allInputs().get(name)).append("'h").append(value.toString(16)).append(";\n"));
            v.append("        #1; tb_tick;\n");
            cycle.keySet().forEach(name -> v.append("        ").append(name).append(" = 0;\n"));
        }
        v.append("        tb_st = 64'h9E3779B97F4A7C15; tb_sum = 0;\n");
        v.append("        for (tb_i = 0; tb_i < tb_n; tb_i = tb_i + 1) begin\n");
        for (VerilogSpeedCase.Port in : c.randomInputs()) {
            v.append("            tb_st = tb_st ^ (tb_st << 13); tb_st = tb_st ^ (tb_st >> 7); tb_st = tb_st ^ (tb_st << 17); ")
                    .append(in.name()).append(" = tb_st[").append(in.width() - 1).append(":0];\n");
        }
        v.append("            #1;\n");
        for (VerilogSpeedCase.Port out : c.outputs()) {   // 64-bit chunks, low first, as SpeedHarness folds them
            for (int lo = 0; lo < out.width(); lo += 64) {
                int hi = Math.min(out.width(), lo + 64) - 1;
                String bits = out.width() == 1 ? out.name() : out.name() + "[" + hi + ":" + lo + "]";
                String chunk = hi - lo == 63 ? bits : "{" + (63 - hi + lo) + "'d0, " + bits + "}";
                v.append("            tb_sum = (tb_sum ^ ").append(chunk).append(") * 64'h100000001B3;\n");
            }
        }
        v.append("            tb_tick;\n        end\n");
        v.append("        $display(\"cycles %0d checksum %016h\", tb_n, tb_sum);\n        $finish;\n    end\nendmodule\n");
        return v.toString();
    }
}
