package defernorm.testbench.bench;

import java.math.BigInteger;
import java.util.Map;

/**
 * The C++ {@code main} both Verilog versions of a {@link VerilogSpeedCase} are built with, so they run the
 * same loop: reset, the configuration cycles, then per cycle xorshift64 inputs, {@code eval()}, the outputs
 * folded into an FNV-style checksum, and a rising edge (as the engine's native loop does). Only the loop
 * is timed, in process CPU time (the machine is shared: wall-clock rates swing with other people's load). Prints {@code cycles N seconds S checksum H}.
 */
final class SpeedHarness {
    private SpeedHarness() {}

    static String source(VerilogSpeedCase c) {
        StringBuilder s = new StringBuilder();
        s.append("#include \"Vtop.h\"\n#include \"verilated.h\"\n#include <cinttypes>\n")
                .append("#include <cstdio>\n#include <cstdlib>\n#include <ctime>\n\n")
                .append("double sc_time_stamp() { return 0; }\n\n")
                .append("static double cpuSeconds() {\n    timespec t;\n    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);\n")
                .append("    return t.tv_sec + t.tv_nsec * 1e-9;\n}\n\n")
                .append("static inline void edge(Vtop* top) { top->clk = 1; top->eval(); top->clk = 0; }\n\n")
                .append("int main(int argc, char** argv) {\n")
                .append("    uint64_t n = argc > 1 ? strtoull(argv[1], nullptr, 10) : 1000;\n")
                .append("    VerilatedContext ctx;\n    Vtop* top = new Vtop{&ctx};\n");
        for (Map.Entry<String, Integer> in : c.allInputs().entrySet()) poke(s, in.getKey(), in.getValue(), BigInteger.ZERO);
        s.append("    top->clk = 0;\n    top->rst = 1;\n    top->eval();\n    edge(top);\n    top->rst = 0;\n");
        for (Map<String, BigInteger> cycle : c.setup()) {
            cycle.forEach((name, v) -> poke(s, name, c.allInputs().get(name), v));
            s.append("    top->eval();\n    edge(top);\n");
            cycle.keySet().forEach(name -> poke(s, name, c.allInputs().get(name), BigInteger.ZERO));
        }
        s.append("    uint64_t st = 0x9E3779B97F4A7C15ULL, sum = 0;\n")
                .append("    double t0 = cpuSeconds();\n")
                .append("    for (uint64_t i = 0; i < n; i++) {\n");
        for (VerilogSpeedCase.Port in : c.randomInputs()) {
            s.append("        st ^= st << 13; st ^= st >> 7; st ^= st << 17; top->").append(in.name())
                    .append(" = st & ").append(mask(in.width())).append(";\n");
        }
        s.append("        top->eval();\n");
        for (VerilogSpeedCase.Port out : c.outputs()) fold(s, out);
        s.append("        edge(top);\n    }\n")
                .append("    double secs = cpuSeconds() - t0;\n")
                .append("    printf(\"cycles %\" PRIu64 \" seconds %.6f checksum %016\" PRIx64 \"\\n\", n, secs, sum);\n")
                .append("    top->final();\n    delete top;\n    return 0;\n}\n");
        return s.toString();
    }

    private static String mask(int width) { return "0x" + Long.toHexString(width >= 64 ? -1L : (1L << width) - 1) + "ULL"; }

    /**
     * Folds output {@code out} into the checksum: one step per 64-bit chunk, low chunk first (ports wider
     * than 64 bits are Verilator arrays of 32-bit words); {@link IcarusSpeedCheck} folds the same chunks.
     */
    private static void fold(StringBuilder s, VerilogSpeedCase.Port out) {
        for (int lo = 0; lo < out.width(); lo += 64) {
            String chunk;
            if (out.width() <= 64) {
                chunk = "(uint64_t)top->" + out.name();
            } else {
                int word = lo / 32;
                chunk = "((uint64_t)top->" + out.name() + "[" + word + "]"
                        + (lo + 32 < out.width() ? " | (uint64_t)top->" + out.name() + "[" + (word + 1) + "] << 32" : "") + ")";
            }
            s.append("        sum = (sum ^ (").append(chunk).append(" & ").append(mask(Math.min(64, out.width() - lo)))
                    .append(")) * 0x100000001B3ULL;\n");
        }
    }

    /** An assignment to input {@code name}; ports wider than 64 bits are Verilator word arrays. */
    private static void poke(StringBuilder s, String name, int width, BigInteger v) {
        if (width <= 64) {
            s.append("    top->").append(name).append(" = 0x").append(v.toString(16)).append("ULL;\n");
            return;
        }
        for (int w = 0; w < (width + 31) / 32; w++) {
            long word = v.shiftRight(32 * w).longValue() & 0xFFFFFFFFL;
            s.append("    top->").append(name).append("[").append(w).append("] = 0x").append(Long.toHexString(word)).append("u;\n");
        }
    }
}
