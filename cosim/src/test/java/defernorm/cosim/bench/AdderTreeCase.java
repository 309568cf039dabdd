package defernorm.cosim.bench;

import defernorm.cosim.Simulation;
import defernorm.hdl.Elaborator;
import defernorm.hdl.ir.Design;
import java.util.ArrayList;
import java.util.List;

/** The N-input pipelined adder tree benchmark: random int8 lanes and valid each cycle. */
final class AdderTreeCase implements BenchCase {
    private final int n;
    private final Design design;

    AdderTreeCase(int n) {
        this.n = n;
        design = Elaborator.elaborate(new AdderTree(n));
    }

    @Override public String name() { return "addertree" + n; }

    @Override public String title() { return n + "-input pipelined adder tree"; }

    @Override public Design design() { return design; }

    private int xPorts() { return (n + 3) / 4; }

    @Override public List<String> inputs() {
        List<String> in = new ArrayList<>();
        for (int k = 0; k < xPorts(); k++) in.add("x_" + k);
        in.add("valid");
        return in;
    }

    @Override public List<Integer> inputWidths() {
        List<Integer> wd = new ArrayList<>();
        for (int k = 0; k < xPorts(); k++) wd.add(8 * Math.min(4, n - 4 * k));
        wd.add(1);
        return wd;
    }

    @Override public List<String> outputs() { return List.of("sum", "sum_valid"); }

    @Override public List<Integer> outputWidths() {
        return List.of(8 + Integer.numberOfTrailingZeros(n), 1);
    }

    @Override public void setup(Simulation sim) {
        for (String in : inputs()) sim.poke(in, 0);
        sim.reset(1);
    }

    @Override public String setupVerilog() {
        return "    rst = 1;\n    #1 clk = 1; #1 clk = 0; rst = 0;\n";
    }

    @Override public Model newModel() {
        int latency = AdderTree.latency(n);
        int xPorts = xPorts();
        if (n % 4 != 0) throw new IllegalArgumentException("the adder tree benchmark takes a multiple of 4 inputs");
        return new Model() {
            final long[] sums = new long[latency];
            final long[] valids = new long[latency];
            long c;

            @Override public boolean check(long[] outputs) {
                int at = (int) (c % latency);
                return outputs[0] == sums[at] && outputs[1] == valids[at];
            }

            @Override public void advance(long[] in) {
                int at = (int) (c % latency);
                long total = 0;
                for (int k = 0; k < xPorts; k++) {
                    int w = (int) in[k];  // four int8 lanes
                    total += (byte) w + (byte) (w >> 8) + (byte) (w >> 16) + (w >> 24);
                }
                sums[at] = total;
                valids[at] = in[xPorts];
                c++;
            }
        };
    }
}
