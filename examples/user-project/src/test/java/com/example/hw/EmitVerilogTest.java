package com.example.hw;

import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.eda.CheckReport;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
