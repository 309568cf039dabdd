package defernorm.testbench.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The "verilog" section of docs/benchmarks.md and the {@code verilog} list of rtl-out/bench.json. */
final class VerilogSpeedReport {
    static final String COMMAND = "make bench   # this section alone: mvn -B -o -pl testbenches -am test "
            + "-Ddefernorm.excludedGroups=none -Dgroups=bench -Dtest=EmittedVerilogBench -Dsurefire.failIfNoSpecifiedTests=false";

    private VerilogSpeedReport() {}

    static String markdown(String date, List<VerilogSpeedRow> rows) {
        StringBuilder m = new StringBuilder(BenchDoc.begin("verilog")).append("\n## Emitted Verilog under Verilator\n\n");
        m.append("Command: `").append(COMMAND).append("`  \n");
        m.append("Run: ").append(date).append(".\n\n");
        m.append("Our emitted Verilog against hand-written, firtool-style Verilog of the same design (next-state logic ")
                .append("inside the clocked blocks; testbenches/src/test/resources/defernorm/testbench/bench/handwritten/). ")
                .append("Both are built by Verilator with the engine's flags (`-O3 --x-assign fast --x-initial fast`, C++ `-O3`) ")
                .append("and the same generated C++ loop (xorshift inputs, `eval()`, checksum of every output, rising edge), ")
                .append("then run alternating back to back; median of ").append(rows.isEmpty() ? 0 : rows.get(0).rounds())
                .append(" rounds each, equal checksums asserted every round. Cycles per CPU second of the loop (process CPU time: the machine is shared); ")
                .append("the ratio is the median of the rounds' own ratios (ours ÷ hand-written, the two runs of a round back to back, so a load ")
                .append("that slows a round slows both sides of its ratio); lines of Verilog (all files).\n\n");
        m.append("| design | ours | hand-written | ratio | lines ours | lines hand-written | line ratio |\n");
        m.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (VerilogSpeedRow r : rows) {
            m.append("| ").append(r.title()).append(" | ").append(rate(r.ours())).append(" | ").append(rate(r.handWritten()))
                    .append(" | ").append(fmt(r.ratio())).append(" | ").append(r.oursLines()).append(" | ")
                    .append(r.handWrittenLines()).append(" | ").append(fmt(r.lineRatio())).append(" |\n");
        }
        m.append("\nTarget: ratio ≥ 1.0 (issue 13). Each MAC array is compared twice, each time with both versions adding ")
                .append("the column sums the same way: as exact-width adder trees (17 to 20 bits, extended to 32 for the accumulator; ")
                .append("our `MacArray(p, q, TREE)` against MacArrayCoreTree.v) and as 32-bit chains, row after row (`CHAIN` against ")
                .append("MacArrayCore.v). The hand-written MAC arrays use generate loops (one parameterized core, so they are much ")
                .append("shorter than firtool's flat output would be); the adder tree is written out flat in firtool's layout (one ")
                .append("clocked block, reset first). The top is our RMSNorm matmul-only top at n = 64, m = 32, P = 8, Q = 4, C = 4 ")
                .append("(`generate --op rmsnorm --variant matmul`: activation buffer, MAC array, drain, output stage) against ")
                .append("RmsNormMatmul_n64_m32_P8_Q4_C4.v and four unit modules (ActivationBuffer.v, MacArray.v, DrainSequencer.v, ")
                .append("OutputStage.v: the same registers, each next value inside its clocked block, the accumulators and drain banks as ")
                .append("arrays); its loop configures it once (72 words, after reset) and then streams random beats with random ")
                .append("`s_axis_tvalid` gaps and `m_axis_tready` backpressure, the configuration port idle (`VerilogSpeedCase.matmulTop`).\n");
        return m.append(BenchDoc.end("verilog")).append('\n').toString();
    }

    static ArrayNode json(List<VerilogSpeedRow> rows) {
        ArrayNode list = BenchJson.JSON.createArrayNode();
        for (VerilogSpeedRow r : rows) {
            ObjectNode o = list.addObject();
            o.put("design", r.design());
            o.put("ours", Math.round(r.ours()));
            o.put("handWritten", Math.round(r.handWritten()));
            o.put("ratio", Math.round(r.ratio() * 1000) / 1000.0);
            o.put("oursLines", r.oursLines());
            o.put("handWrittenLines", r.handWrittenLines());
            o.put("cycles", r.cycles());
        }
        return list;
    }

    static void write(Path md, Path jsonFile, String date, List<VerilogSpeedRow> rows) throws IOException {
        String doc = Files.exists(md) ? Files.readString(md, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        Files.writeString(md, BenchDoc.replaceSection(doc, "verilog", markdown(date, rows)), StandardCharsets.UTF_8);
        BenchJson.put(jsonFile, "verilog", json(rows));
    }

    private static String rate(double r) { return String.format(Locale.ROOT, "%.2f M", r / 1e6); }

    private static String fmt(double r) { return String.format(Locale.ROOT, "%.2f", r); }
}
