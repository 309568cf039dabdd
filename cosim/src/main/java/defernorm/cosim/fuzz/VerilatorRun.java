package defernorm.cosim.fuzz;

import defernorm.cosim.random.RandomStimulus;
import defernorm.eda.Tool;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.emit.VerilogFile;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a design's emitted Verilog on Verilator with a generated C++ testbench, built for speed of building
 * rather than of running ({@code g++ -O0}, Verilator's runtime objects compiled once and reused): a fuzz
 * design runs a hundred cycles once, and the build is what costs. The C++ reads the stimulus from a file
 * and prints every output every cycle, like {@link IcarusRun}'s testbench. Verilator's front end (where its
 * quirks live) is the same as the simulation engine's; the engine's own build path is checked by the
 * differential test in CI.
 *
 * <pre>{@code
 * BigInteger[][] outs = new VerilatorRun(Path.of("rtl-out/fuzz/work/runtime")).run(design, stim, dir);
 * }</pre>
 */
final class VerilatorRun {
    private static final String[] RUNTIME = {"verilated.o", "verilated_threads.o"};
    private static final int TIMEOUT_S = 900;

    private final Path runtime;

    /** @param runtime where Verilator's runtime objects are kept between builds */
    VerilatorRun(Path runtime) { this.runtime = runtime.toAbsolutePath(); }

    /** outputs[cycle][output] of the top's outputs, as each output's type reads it. */
    BigInteger[][] run(Design design, RandomStimulus stim, Path dir) throws IOException, InterruptedException {
        dir = dir.toAbsolutePath();
        List<Node.Output> outputs = design.topModule().outputs();
        List<String> cmd = new ArrayList<>(List.of(Tool.VERILATOR.executable(), "--cc", "--exe", "-Wno-fatal", "--x-assign", "fast",
                "--x-initial", "fast", "--top-module", design.top(), "-Mdir", "obj", "main.cpp"));
        for (VerilogFile f : VerilogEmitter.emit(design)) cmd.add(f.writeTo(dir).toString());
        Files.writeString(dir.resolve("main.cpp"), harness(design, stim, outputs));
        Files.writeString(dir.resolve("stim.txt"), stimulus(stim));
        ToolRun.exec(cmd, dir, TIMEOUT_S);
        Path obj = dir.resolve("obj");
        boolean reuse = true;
        for (String o : RUNTIME) reuse &= Files.exists(runtime.resolve(o));
        if (reuse) for (String o : RUNTIME) Files.copy(runtime.resolve(o), obj.resolve(o), StandardCopyOption.REPLACE_EXISTING);
        ToolRun.exec(List.of("make", "-s", "-C", obj.toString(), "-f", "V" + design.top() + ".mk",
                "OPT_FAST=-O0", "OPT_SLOW=-O0", "OPT_GLOBAL=-O1"), dir, TIMEOUT_S);
        if (!reuse) {
            Files.createDirectories(runtime);
            for (String o : RUNTIME) Files.copy(obj.resolve(o), runtime.resolve(o), StandardCopyOption.REPLACE_EXISTING);
        }
        ToolRun.exec(List.of(obj.resolve("V" + design.top()).toString(), "stim.txt", "out.txt"), dir, TIMEOUT_S);
        List<String> lines = Files.readAllLines(dir.resolve("out.txt"));
        BigInteger[][] result = new BigInteger[lines.size()][outputs.size()];
        for (int c = 0; c < lines.size(); c++) {
            String[] parts = lines.get(c).trim().split(" ");
            for (int o = 0; o < outputs.size(); o++) result[c][o] = IcarusRun.parse(parts[o], outputs.get(o).type());
        }
        return result;
    }

    private static String stimulus(RandomStimulus stim) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < stim.cycles(); c++) {
            for (int i = 0; i < stim.inputs().size(); i++) {
                int w = stim.types().get(i).width();
                sb.append(i == 0 ? "" : " ").append(stim.value(c, i).mod(BigInteger.ONE.shiftLeft(w)).toString(16));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String harness(Design design, RandomStimulus stim, List<Node.Output> outputs) {
        String cls = "V" + design.top();
        StringBuilder sb = new StringBuilder();
        sb.append("#include \"").append(cls).append(".h\"\n#include \"verilated.h\"\n#include <cstdio>\n#include <cstdint>\n#include <cstring>\n");
        sb.append("""
                static void parse(const char* s, uint32_t* w, int n) {
                    memset(w, 0, 4 * n);
                    int len = (int) strlen(s);
                    for (int i = 0; i < len && i / 8 < n; i++) {
                        int c = s[len - 1 - i];
                        uint32_t v = c <= '9' ? c - '0' : (c | 32) - 'a' + 10;
                        w[i / 8] |= v << (4 * (i % 8));
                    }
                }
                static void print(FILE* f, const uint32_t* w, int width) {
                    for (int i = (width + 3) / 4 - 1; i >= 0; i--) {
                        uint32_t v = (w[i / 8] >> (4 * (i % 8))) & 15;
                        if (4 * i + 4 > width) v &= (1u << (width - 4 * i)) - 1;
                        fputc("0123456789abcdef"[v], f);
                    }
                }
                int main(int argc, char** argv) {
                    if (argc < 3) return 2;
                    VerilatedContext* ctx = new VerilatedContext;
                """);
        sb.append("    ").append(cls).append("* top = new ").append(cls).append("{ctx};\n");
        sb.append("""
                    FILE* in = fopen(argv[1], "r");
                    FILE* out = fopen(argv[2], "w");
                    if (!in || !out) return 2;
                    char buf[256];
                    uint32_t w[16], o[16];
                """);
        boolean clocked = design.isClocked(design.top());
        if (clocked) sb.append("    top->clk = 0;\n");
        sb.append("    for (int c = 0; c < ").append(stim.cycles()).append("; c++) {\n");
        for (int i = 0; i < stim.inputs().size(); i++) {
            String name = stim.inputs().get(i);
            int width = stim.types().get(i).width();
            sb.append("        if (fscanf(in, \"%255s\", buf) != 1) return 3;\n        parse(buf, w, 16);\n");
            if (width <= 32) sb.append("        top->").append(name).append(" = w[0];\n");
            else if (width <= 64) sb.append("        top->").append(name).append(" = ((uint64_t) w[1] << 32) | w[0];\n");
            else sb.append("        for (int k = 0; k < ").append((width + 31) / 32).append("; k++) top->").append(name).append("[k] = w[k];\n");
        }
        sb.append("        top->eval();\n");
        for (int k = 0; k < outputs.size(); k++) {
            Node.Output out = outputs.get(k);
            int width = out.type().width();
            String name = "top->" + out.name();
            sb.append("        memset(o, 0, sizeof o);\n");
            if (width <= 32) sb.append("        o[0] = ").append(name).append(";\n");
            else if (width <= 64) sb.append("        o[0] = (uint32_t) ").append(name).append("; o[1] = (uint32_t) (").append(name).append(" >> 32);\n");
            else sb.append("        for (int k = 0; k < ").append((width + 31) / 32).append("; k++) o[k] = ").append(name).append("[k];\n");
            sb.append("        print(out, o, ").append(width).append(");\n");
            sb.append("        fputc('").append(k + 1 < outputs.size() ? " " : "\\n").append("', out);\n");
        }
        if (outputs.isEmpty()) sb.append("        fputc('\\n', out);\n");
        if (clocked) sb.append("        top->clk = 1; top->eval(); top->clk = 0; top->eval();\n");
        sb.append("    }\n    top->final();\n    fclose(out);\n    delete top;\n    delete ctx;\n    return 0;\n}\n");
        return sb.toString();
    }

}
