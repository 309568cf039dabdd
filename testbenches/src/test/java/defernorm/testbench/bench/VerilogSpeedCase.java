package defernorm.testbench.bench;

import defernorm.accel.tops.TopGenerator;
import defernorm.cosim.bench.AdderTree;
import defernorm.cosim.bench.MacArray;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Elaborator;
import defernorm.hdl.ir.Design;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One design of the emitted-Verilog speed comparison: our HDL description, the hand-written Verilog of the
 * same design (test resources under {@code handwritten/}, same module name and ports), the inputs that get
 * random values each cycle, the outputs folded into the checksum, and the configuration cycles after reset.
 *
 * @param handWritten resource file names, the top module's file first
 * @param randomInputs inputs given xorshift values every loop cycle (at most 64 bits each); the others hold 0
 * @param outputs outputs folded into the checksum every cycle (any width: 64-bit chunks, low chunk first)
 * @param setup one map of input values per configuration cycle (inputs not named stay 0)
 * @param icarusCycles loop cycles the bench runs under Icarus Verilog (it simulates the big designs at a few
 *        hundred cycles per second)
 */
record VerilogSpeedCase(String name, String title, Design ours, List<String> handWritten,
                        List<Port> randomInputs, List<Port> outputs, List<Map<String, BigInteger>> setup, long icarusCycles) {
    record Port(String name, int width) {}

    VerilogSpeedCase {
        for (Port in : randomInputs) {
            if (in.width() > 64) throw new IllegalArgumentException(name + ": random input " + in.name() + " is wider than 64 bits.");
        }
    }

    /**
     * The P×Q int8 MAC array of the simulator bench, weights from seed 42 loaded one row per cycle, with its
     * column sums added the same way in both versions: as exact-width trees (MacArrayCoreTree.v) or as
     * 32-bit chains (MacArrayCore.v).
     */
    static VerilogSpeedCase macArray(int p, int q, MacArray.ColumnSum columnSum) {
        List<Port> in = new ArrayList<>();
        for (int k = 0; k < (p + 3) / 4; k++) in.add(new Port("x_" + k, 8 * Math.min(4, p - 4 * k)));
        in.add(new Port("x_valid", 1));
        in.add(new Port("clear", 1));
        List<Port> out = new ArrayList<>();
        for (int j = 0; j < q; j++) out.add(new Port("acc_" + j, 32));
        Random r = new Random(42);
        List<Map<String, BigInteger>> setup = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            byte[] row = new byte[q];
            r.nextBytes(row);
            BigInteger data = BigInteger.ZERO;
            for (int j = 0; j < q; j++) data = data.or(BigInteger.valueOf(row[j] & 0xFF).shiftLeft(8 * j));
            Map<String, BigInteger> cycle = new LinkedHashMap<>();
            cycle.put("w_we", BigInteger.ONE);
            cycle.put("w_row", BigInteger.valueOf(i));
            cycle.put("w_data", data);
            setup.add(cycle);
        }
        String top = "MacArray_" + p + "x" + q;
        boolean tree = columnSum == MacArray.ColumnSum.TREE;
        return new VerilogSpeedCase("mac" + p + "x" + q + (tree ? "-tree" : "-chain"),
                p + "×" + q + " int8 MAC array, column " + (tree ? "trees" : "chains"),
                Elaborator.elaborate(new MacArray(p, q, columnSum)),
                List.of(top + ".v", tree ? "MacArrayCoreTree.v" : "MacArrayCore.v"), in, out, setup, p >= 16 ? 300 : 3_000);
    }

    /** The N-input pipelined adder tree of the simulator bench. */
    static VerilogSpeedCase adderTree(int n) {
        List<Port> in = new ArrayList<>();
        for (int k = 0; k < (n + 3) / 4; k++) in.add(new Port("x_" + k, 8 * Math.min(4, n - 4 * k)));
        in.add(new Port("valid", 1));
        int sumBits = 8 + Integer.numberOfTrailingZeros(n);
        return new VerilogSpeedCase("adder" + n, n + "-input adder tree", Elaborator.elaborate(new AdderTree(n)),
                List.of("AdderTree_" + n + ".v"), in, List.of(new Port("sum", sumBits), new Port("sum_valid", 1)),
                List.of(), 3_000);
    }

    /**
     * One of our accelerator tops: the matmul-only RMSNorm top at n = 64, m = 32, P = 8, Q = 4, C = 4 (the
     * smallest of the nine at the report's shape: buffer, MAC array, drain, output stage), against
     * RmsNormMatmul_n64_m32_P8_Q4_C4.v and its units. Random configuration writes would rewrite the weights
     * every other cycle and break the port's protocol (configure, then stream), so the stimulus follows it:
     * after reset the setup writes all 72 configuration words once (64 weight tiles and 8 bias words of seed
     * 42's random bits, with bias lanes 0 and 1 of group 0 at INT32_MAX and INT32_MIN so both saturation
     * directions are hit); then every cycle drives random {@code s_axis_tdata}, {@code s_axis_tvalid},
     * {@code s_axis_tlast} and {@code m_axis_tready} (random gaps and backpressure, tokens flowing through every
     * unit) with the configuration port idle, and folds {@code s_axis_tready} and all of m_axis into the checksum.
     */
    static VerilogSpeedCase matmulTop() {
        Params prm = new Params(64, 32, 8, 4, 4);
        Design ours = Elaborator.elaborate(TopGenerator.generate(Op.RMSNORM, Variant.MATMUL, prm));
        int groups = prm.m() / prm.q(), weightWords = prm.n() / prm.p() * groups;
        Random r = new Random(42);
        List<Map<String, BigInteger>> setup = new ArrayList<>();
        for (int a = 0; a < weightWords + groups; a++) {
            BigInteger word = new BigInteger(a < weightWords ? 8 * prm.p() * prm.q() : 32 * prm.q(), r);
            if (a == weightWords) {   // bias group 0: lane 0 = INT32_MAX, lane 1 = INT32_MIN
                BigInteger low64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
                word = word.andNot(low64).or(BigInteger.valueOf(0x8000_0000_7FFF_FFFFL).and(low64));
            }
            Map<String, BigInteger> cycle = new LinkedHashMap<>();
            cycle.put("cfg_we", BigInteger.ONE);
            cycle.put("cfg_addr", BigInteger.valueOf(a));
            cycle.put("cfg_wdata", word);
            setup.add(cycle);
        }
        List<Port> in = List.of(new Port("s_axis_tdata", 8 * prm.p()), new Port("s_axis_tvalid", 1),
                new Port("s_axis_tlast", 1), new Port("m_axis_tready", 1));
        List<Port> out = List.of(new Port("s_axis_tready", 1), new Port("m_axis_tvalid", 1),
                new Port("m_axis_tdata", 32 * prm.q()), new Port("m_axis_tlast", 1));
        String top = ours.top();
        return new VerilogSpeedCase("matmul-top", "our RMSNorm matmul-only top (n=64, m=32, P=8, Q=4)", ours,
                List.of(top + ".v", "ActivationBuffer.v", "MacArray.v", "DrainSequencer.v", "OutputStage.v"),
                in, out, setup, 3_000);
    }

    /** Every input of the top, with its width (from our design; the hand-written one has the same ports). */
    Map<String, Integer> allInputs() {
        Map<String, Integer> m = new LinkedHashMap<>();
        ours.topModule().inputs().forEach(i -> m.put(i.name(), i.type().width()));
        return m;
    }
}
