package defernorm.cosim.bench;

import defernorm.cosim.Simulation;
import defernorm.hdl.Elaborator;
import defernorm.hdl.ir.Design;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The P×Q int8 MAC array benchmark: fixed random weights, random activations, valid and clear. */
final class MacArrayCase implements BenchCase {
    private final int p;
    private final int q;
    private final byte[][] w;
    private final Design design;

    MacArrayCase(int p, int q) {
        this.p = p;
        this.q = q;
        Random r = new Random(42);
        w = new byte[p][q];
        for (byte[] row : w) r.nextBytes(row);
        design = Elaborator.elaborate(new MacArray(p, q));
    }

    @Override public String name() { return "mac" + p + "x" + q; }

    @Override public String title() { return p + "×" + q + " int8 MAC array"; }

    @Override public Design design() { return design; }

    private int xPorts() { return (p + 3) / 4; }

    @Override public List<String> inputs() {
        List<String> in = new ArrayList<>();
        for (int k = 0; k < xPorts(); k++) in.add("x_" + k);
        in.add("x_valid");
        in.add("clear");
        return in;
    }

    @Override public List<Integer> inputWidths() {
        List<Integer> wd = new ArrayList<>();
        for (int k = 0; k < xPorts(); k++) wd.add(8 * Math.min(4, p - 4 * k));
        wd.add(1);
        wd.add(1);
        return wd;
    }

    @Override public List<String> outputs() {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < q; j++) out.add("acc_" + j);
        return out;
    }

    @Override public List<Integer> outputWidths() { return Collections.nCopies(q, 32); }

    private BigInteger row(int i) {
        BigInteger v = BigInteger.ZERO;
        for (int j = 0; j < q; j++) v = v.or(BigInteger.valueOf(w[i][j] & 0xFF).shiftLeft(8 * j));
        return v;
    }

    @Override public void setup(Simulation sim) {
        for (String in : inputs()) sim.poke(in, 0);
        sim.poke("w_we", 0);
        sim.poke("w_row", 0);
        sim.poke("w_data", 0);
        sim.reset(1);
        for (int i = 0; i < p; i++) {
            sim.poke("w_we", 1);
            sim.poke("w_row", i);
            sim.poke("w_data", row(i));
            sim.step(1);
        }
        sim.poke("w_we", 0);
        sim.poke("w_row", 0);
        sim.poke("w_data", 0);
    }

    @Override public String setupVerilog() {
        StringBuilder v = new StringBuilder();
        v.append("    w_we = 0; w_row = 0; w_data = 0; rst = 1;\n");
        v.append("    #1 clk = 1; #1 clk = 0; rst = 0;\n");
        for (int i = 0; i < p; i++) {
            v.append("    w_we = 1; w_row = ").append(i).append("; w_data = ").append(8 * q).append("'h")
                    .append(row(i).toString(16)).append(";\n");
            v.append("    #1 clk = 1; #1 clk = 0;\n");
        }
        v.append("    w_we = 0; w_row = 0; w_data = 0;\n");
        return v.toString();
    }

    @Override public Model newModel() {
        // The registered products only ever reach the accumulators as column sums, so the model keeps the
        // registered column sums (the same numbers, with p times less work per cycle).
        int[] wt = new int[q * p];
        for (int i = 0; i < p; i++) for (int j = 0; j < q; j++) wt[j * p + i] = w[i][j];
        int xPorts = xPorts();
        return new Model() {
            final int[] colSumQ = new int[q];
            final int[] acc = new int[q];
            final int[] x = new int[p];
            boolean validQ;
            boolean clearQ;

            @Override public boolean check(long[] outputs) {
                for (int j = 0; j < q; j++) if (outputs[j] != acc[j]) return false;
                return true;
            }

            @Override public void advance(long[] in) {
                if (clearQ) {
                    for (int j = 0; j < q; j++) acc[j] = 0;
                } else if (validQ) {
                    for (int j = 0; j < q; j++) acc[j] += colSumQ[j];
                }
                for (int k = 0; k < xPorts; k++) {
                    int word = (int) in[k];
                    for (int l = 0; l < 4 && 4 * k + l < p; l++) x[4 * k + l] = (byte) (word >>> (8 * l));
                }
                for (int j = 0, at = 0; j < q; j++) {
                    int s = 0;
                    for (int i = 0; i < p; i++, at++) s += x[i] * wt[at];
                    colSumQ[j] = s;
                }
                validQ = in[xPorts] != 0;
                clearQ = in[xPorts + 1] != 0;
            }
        };
    }
}
