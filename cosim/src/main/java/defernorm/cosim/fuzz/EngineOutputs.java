package defernorm.cosim.fuzz;

import defernorm.cosim.Simulation;
import defernorm.cosim.random.RandomStimulus;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import java.math.BigInteger;
import java.util.List;

/** Runs random stimulus through a simulation and compares engines' outputs cycle by cycle. */
public final class EngineOutputs {
    private EngineOutputs() {}

    /** outputs[cycle][output] of {@code sim} under {@code stim}, via batch mode. */
    public static BigInteger[][] run(Simulation sim, Design design, RandomStimulus stim) {
        List<String> outs = design.topModule().outputs().stream().map(Node.Output::name).toList();
        BigInteger[][] result = new BigInteger[stim.cycles()][outs.size()];
        sim.runBatch(stim.inputs(), outs, stim.cycles(), stim::drive, (c, row) -> {
            for (int o = 0; o < outs.size(); o++) result[(int) c][o] = row.getBig(o);
        });
        return result;
    }

    /** Null when equal; otherwise a sentence naming the first differing cycle and output. */
    public static String firstDifference(Design design, String nameA, BigInteger[][] a, String nameB, BigInteger[][] b) {
        List<Node.Output> outs = design.topModule().outputs();
        if (a.length != b.length) return nameA + " ran " + a.length + " cycles but " + nameB + " ran " + b.length;
        for (int c = 0; c < a.length; c++) {
            for (int o = 0; o < outs.size(); o++) {
                if (a[c][o] == null || !a[c][o].equals(b[c][o])) {
                    return "cycle " + c + ": output " + outs.get(o).name() + " (" + outs.get(o).type() + ") is " + a[c][o]
                            + " on " + nameA + " but " + b[c][o] + " on " + nameB;
                }
            }
        }
        return null;
    }
}
