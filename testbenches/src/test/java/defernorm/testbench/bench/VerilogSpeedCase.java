package defernorm.testbench.bench;

import defernorm.cosim.bench.AdderTree;
import defernorm.cosim.bench.MacArray;
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
 * @param setup one map of input values per configuration cycle (inputs not named stay 0)
 */
record VerilogSpeedCase(String name, String title, Design ours, List<String> handWritten,
                        List<Port> randomInputs, List<Port> outputs, List<Map<String, BigInteger>> setup) {
    record Port(String name, int width) {}

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
                List.of(top + ".v", tree ? "MacArrayCoreTree.v" : "MacArrayCore.v"), in, out, setup);
    }

    /** The N-input pipelined adder tree of the simulator bench. */
    static VerilogSpeedCase adderTree(int n) {
        List<Port> in = new ArrayList<>();
        for (int k = 0; k < (n + 3) / 4; k++) in.add(new Port("x_" + k, 8 * Math.min(4, n - 4 * k)));
        in.add(new Port("valid", 1));
        int sumBits = 8 + Integer.numberOfTrailingZeros(n);
        return new VerilogSpeedCase("adder" + n, n + "-input adder tree", Elaborator.elaborate(new AdderTree(n)),
                List.of("AdderTree_" + n + ".v"), in, List.of(new Port("sum", sumBits), new Port("sum_valid", 1)),
                List.of());
    }

    /** Every input of the top, with its width (from our design; the hand-written one has the same ports). */
    Map<String, Integer> allInputs() {
        Map<String, Integer> m = new LinkedHashMap<>();
        ours.topModule().inputs().forEach(i -> m.put(i.name(), i.type().width()));
        return m;
    }
}
