package com.example.hw;

import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.eda.CheckReport;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Emits the FIR's Verilog into target/verilog and checks it with Verilator -Wall, Icarus and Yosys. */
class EmitVerilogTest {
    @Test
    void emittedVerilogPassesLintCompileAndSynthesis() {
        Path dir = Path.of("target", "verilog");
        EmitVerilog.main(new String[] {dir.toString()});
        assertTrue(Files.isRegularFile(dir.resolve("Fir4_1_3_3_1.v")));

        ToolChecks.skipReason(Tool.VERILATOR, Tool.IVERILOG, Tool.YOSYS).ifPresent(Assumptions::abort);
        CheckReport report = ToolChecks.checkAll(dir, "Fir4_1_3_3_1");
        assertTrue(report.passed(), report.failures());
        assertTrue(report.yosys().stats().flipFlops() > 0);
    }
}
