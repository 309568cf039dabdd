package defernorm.eda;

import defernorm.hdl.emit.IrFixtures;
import defernorm.hdl.emit.IrBuilder;
import defernorm.hdl.emit.TestDesigns;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.emit.VerilogFile;
import defernorm.hdl.emit.EmitOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks reject what they must reject, and tool runs are bounded and leave no process behind. */
class ToolChecksTest {

    @TempDir
    Path dir;

    private void write(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text);
    }

    @Test
    void yosysReportsALatch() throws IOException {
        ToolAssume.installed(Tool.YOSYS);
        write("Latchy.v", """
                module Latchy (input wire en, input wire d, output reg q);
                    always @* if (en) q = d;
                endmodule
                """);
        SynthResult r = ToolChecks.yosysSynth(dir, "Latchy");
        assertFalse(r.passed(), r.run().output());
        assertEquals(1, r.stats().latches());
        assertTrue(r.run().summary().contains("latch"), r.run().summary());
    }

    @Test
    void yosysCountsFlipFlopsAndMemories() throws IOException {
        ToolAssume.installed(Tool.YOSYS);
        VerilogEmitter.writeTo(dir, VerilogEmitter.emit(IrFixtures.fifo()));
        SynthResult r = ToolChecks.yosysSynth(dir, "IrFifo");
        assertTrue(r.passed(), r.run().summary());
        assertEquals(1, r.stats().memories());
        assertEquals(0, r.stats().latches());
        // 4x8 memory bits mapped to flops + 8 read-data + 2+2 pointers + 3 count + 1 valid
        assertEquals(32 + 8 + 2 + 2 + 3 + 1, r.stats().flipFlops());
    }

    @Test
    void coarseSynthesisCountsWordLevelFlipFlopBitsAndStillFindsLatches() throws IOException {
        ToolAssume.installed(Tool.YOSYS);
        VerilogEmitter.writeTo(dir, VerilogEmitter.emit(IrFixtures.fifo()));
        SynthResult r = ToolChecks.yosysSynth(dir, "IrFifo", SynthLevel.COARSE);
        assertTrue(r.passed(), r.run().summary());
        assertEquals(1, r.stats().memories());
        // pointers, count, valid; the memory bits and its read register stay inside the $mem cell
        assertEquals(2 + 2 + 3 + 1, r.stats().flipFlops());
        write("Latchy.v", """
                module Latchy (input wire en, input wire [3:0] d, output reg [3:0] q);
                    always @* if (en) q = d;
                endmodule
                """);
        SynthResult latchy = ToolChecks.yosysSynth(dir, "Latchy", SynthLevel.COARSE);
        assertFalse(latchy.passed());
        assertEquals(4, latchy.stats().latches());
    }

    @Test
    void verilatorLintFailsOnAnyWarning() throws IOException {
        ToolAssume.installed(Tool.VERILATOR);
        write("Narrow.v", """
                `default_nettype none
                module Narrow (input wire [7:0] a, output wire [3:0] y);
                    assign y = a;
                endmodule
                `default_nettype wire
                """);
        ToolResult r = ToolChecks.verilatorLint(dir, "Narrow");
        assertFalse(r.passed());
        assertTrue(r.output().contains("WIDTH"), r.output());
    }

    @Test
    void iverilogFailsOnAnUndeclaredNet() throws IOException {
        ToolAssume.installed(Tool.IVERILOG);
        write("Undeclared.v", """
                `default_nettype none
                module Undeclared (input wire a, output wire y);
                    assign y = b;
                endmodule
                `default_nettype wire
                """);
        ToolResult r = ToolChecks.iverilogCompile(dir, "Undeclared");
        assertFalse(r.passed());
        assertTrue(r.summary().startsWith("iverilog: FAILED"), r.summary());
    }

    @Test
    void anEmptyDirectoryIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToolChecks.verilatorLint(dir, "X"));
        assertEquals("no .v files in " + dir + " to check.", e.getMessage());
    }

    @Test
    void aHangingToolIsKilledAtTheTimeoutWithItsChildren() throws InterruptedException {
        // sh starts a child sleep: both must be gone after the timeout.
        ProcessRunner.Outcome o = ProcessRunner.run(List.of("sh", "-c", "sleep 30 & echo $!; wait"), dir,
                Duration.ofMillis(500));
        assertTrue(o.timedOut());
        assertEquals(-1, o.exitCode());
        long sleepPid = Long.parseLong(o.output().lines().findFirst().orElseThrow().trim());
        assertFalse(runningAfterGrace(sleepPid), "child sleep still running");
    }

    /** Running (not a zombie waiting to be reaped) after up to 5 s. */
    private static boolean runningAfterGrace(long pid) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            String s;
            try {
                s = Files.readString(stat);
            } catch (IOException gone) {
                return false;
            }
            if (s.substring(s.lastIndexOf(')') + 2).startsWith("Z")) return false;
            Thread.sleep(100);
        }
        return true;
    }

    @Test
    void aFailureSummaryShowsTheCommandAndAtMostSixtyLinesOfOutput() {
        String output = String.join("\n", java.util.Collections.nCopies(100, "%Warning-WIDTH: x"));
        ToolResult r = new ToolResult(Tool.VERILATOR, List.of("verilator", "--lint-only"), false, 1, output, 5);
        String s = r.summary();
        assertTrue(s.startsWith("verilator: FAILED (exit 1) running verilator --lint-only\n%Warning-WIDTH: x\n"), s);
        assertEquals(1 + ToolResult.SUMMARY_LINES + 1, s.lines().count());
        assertTrue(s.endsWith("... (40 more lines)"), s);
        assertEquals("verilator: passed in 5 ms",
                new ToolResult(Tool.VERILATOR, List.of("verilator"), true, 0, "", 5).summary());
    }

    @Test
    void missingToolMessageNamesTheAptPackage() {
        assertEquals("yosys is not installed (not found on PATH); install it with 'sudo apt-get install -y yosys'.",
                Tool.YOSYS.missingMessage("/nonexistent-dir").orElseThrow());
        assertTrue(Tool.VERILATOR.missingMessage("").isPresent());
    }
}
