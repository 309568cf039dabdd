package com.example.hw;

import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.eda.CheckReport;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs {@link EmitVerilog} and checks what it wrote with Verilator -Wall, Icarus and Yosys (no latches). */
class EmitVerilogTest {
    @Test
    void emittedVerilogPassesLintCompileAndSynthesis() {
        Path dir = Path.of("target", "verilog");
        EmitVerilog.main(new String[] {dir.toString()});
        ToolChecks.skipReason(Tool.VERILATOR, Tool.IVERILOG, Tool.YOSYS).ifPresent(Assumptions::abort);
        for (String top : new String[] {"Fir4_1_3_3_1", "RoundRobinArbiter_N4_W16"}) {
            assertTrue(Files.isRegularFile(dir.resolve(top).resolve(top + ".v")), top);
            CheckReport report = ToolChecks.checkAll(dir.resolve(top), top);
            assertTrue(report.passed(), report.failures());
        }
    }

    /** Each statement says which line of Fir.java made it (docs/guide.md shows these lines). */
    @Test
    void verilogNamesTheJavaLines() throws Exception {
        Path dir = EmitVerilog.emit(new Fir(1, 3, 3, 1), Path.of("target", "verilog-lines"));
        String verilog = Files.readString(dir.resolve("Fir4_1_3_3_1.v"));
        for (String line : List.of(
                "always @(posedge clk) begin // Fir.java:39",
                "if (rst) past_0 <= 8'sd0;",
                "else if (in_valid) past_0 <= in_data;",
                "always @(posedge clk) begin // Fir.java:52",
                "if (rst) y_q <= 18'sd0;",
                "else if (in_valid) y_q <= sum;")) {
            assertTrue(verilog.contains(line), "no line '" + line + "' in\n" + verilog);
        }
    }
}
