package defernorm.testbench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import defernorm.testbench.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate} and {@code cosim} on real tops (built-in engine). */
class CliCommandsTest {
    private static String[] run(int expectedCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(expectedCode, code, out + "\n" + err);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void generateWritesTheVerilogAndTheSidecar(@TempDir Path dir) throws Exception {
        String out = run(0, "generate", "--op", "softmax", "--variant", "deferred", "-n", "16", "-m", "8", "-P", "4", "-Q", "2",
                "-C", "3", "-o", dir.toString())[0];
        String top = "SoftmaxDeferred_n16_m8_P4_Q2_C3";
        assertTrue(out.contains("Generated " + top), out);
        assertTrue(Files.readString(dir.resolve(top).resolve(top + ".v")).contains("module " + top));
        assertTrue(new ObjectMapper().readTree(dir.resolve(top).resolve(top + ".json").toFile()).isObject());
    }

    @Test
    void generateAllWritesNineTops(@TempDir Path dir) throws Exception {
        run(0, "generate", "--all", "-n", "8", "-m", "4", "-P", "2", "-Q", "2", "-o", dir.toString());
        try (var tops = Files.list(dir)) {
            assertEquals(9, tops.count());
        }
    }

    @Test
    void cosimPassesAndWritesTheWholeWaveformOnRequest(@TempDir Path dir) throws Exception {
        Path vcd = dir.resolve("w").resolve("run.vcd");
        String out = run(0, "cosim", "--op", "layernorm", "--variant", "standard", "-n", "16", "-m", "8", "-P", "4", "-Q", "2",
                "--tokens", "10", "--engine", "builtin", "--wave", vcd.toString())[0];
        assertTrue(out.startsWith("Engine: built-in simulator"), out);
        assertTrue(out.contains("PASS") && out.contains("every cycle compared"), out);
        assertTrue(Files.readString(vcd).contains("m_axis_tvalid"));
    }

    @Test
    void cosimWithBackpressureChecksTheTransactions() {
        String out = run(0, "cosim", "--op", "rmsnorm", "--variant", "deferred", "-n", "16", "-m", "8", "-P", "4", "-Q", "2",
                "--tokens", "10", "--engine", "builtin", "--input-valid", "0.6", "--output-ready", "0.5")[0];
        assertTrue(out.contains("PASS") && out.contains("transactions and stream rules"), out);
    }

    @Test
    void lintPrintsALineAsEachToolStartsAndFinishes(@TempDir Path dir) throws Exception {
        defernorm.eda.ToolChecks.skipReason(defernorm.eda.Tool.values()).ifPresent(org.junit.jupiter.api.Assumptions::abort);
        // what had reached the terminal at each flush
        java.util.List<String> flushed = new java.util.ArrayList<>();
        StringWriter text = new StringWriter();
        java.io.Writer recording = new java.io.Writer() {
            @Override public void write(char[] c, int off, int len) { text.write(c, off, len); }
            @Override public void flush() { flushed.add(text.toString()); }
            @Override public void close() {}
        };
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(recording), new PrintWriter(err), "generate", "--lint", "--op", "rmsnorm", "--variant", "matmul",
                "-n", "8", "-m", "4", "-P", "2", "-Q", "2", "-o", dir.toString());
        String out = text.toString();
        assertEquals(0, code, out + "\n" + err);
        String top = "RmsNormMatmul_n8_m4_P2_Q2_C4";
        for (String tool : new String[] {"verilator", "iverilog", "yosys"}) {
            String start = "lint " + top + ": " + tool + " running";
            String done = "lint " + top + ": " + tool + " ok (";
            assertTrue(out.contains(start) && out.contains(done), out);
            assertTrue(out.indexOf(start) < out.indexOf(done), out);
            // the start line was on the terminal while the tool ran, before its result
            assertTrue(flushed.stream().anyMatch(f -> f.contains(start) && !f.contains(done)), () -> tool + " started silently:\n" + out);
        }
        assertTrue(out.matches("(?s).*yosys ok \\(\\d+\\.\\d s\\): \\d+ cells, \\d+ flip-flops.*"), out);
    }
}
