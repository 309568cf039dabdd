package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.support.BlockColumns;
import defernorm.cosim.support.LongWords;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Block columns through the model and back, in both Verilator modes: every storage size Verilator uses
 * (1, 2, 4, 8 bytes, 32-bit words) and the edges of the column layout (64, 65, 96, 128 bits), signed and
 * unsigned, through pass-through nets. In-process the shim stores and loads the model's nets from the
 * columns directly; the values must come back as they went in (signed ones sign-extended), and the inputs
 * must hold the last cycle's values afterwards.
 */
class ColumnLayoutTest {
    private static final SourceLoc L = new SourceLoc("ColumnLayoutTest.java", 1);
    private static final int[] WIDTHS = {1, 8, 9, 17, 32, 33, 63, 64, 65, 96, 100, 128};
    private static final int CYCLES = 3_000;  // several chunks in-process

    @TempDir Path work;

    @Test void inProcessColumnsComeBackAsTheyWentIn() { roundTrip(TestDesigns.options(work), 1); }

    @Test void isolatedColumnsComeBackAsTheyWentIn() { roundTrip(TestDesigns.isolated(work), 1); }

    /** More columns than the shim takes one by one (NativeBatch.DIRECT_COLUMNS): they go through one buffer each way. */
    @Test void inProcessManyColumnsComeBackAsTheyWentIn() { roundTrip(TestDesigns.options(work), 3); }

    /** {@code copies} times every type in {@link #WIDTHS}, signed and unsigned. */
    private void roundTrip(SimOptions options, int copies) {
        TestDesigns.assumeVerilator();
        List<Type> types = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            for (int w : WIDTHS) {
                types.add(Type.uint(w));
                if (w > 1) types.add(Type.sint(w));
            }
        }
        List<String> ins = new ArrayList<>(), outs = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            ins.add("i" + i);
            outs.add("o" + i);
            nodes.add(new Node.Input("i" + i, types.get(i), L));
            nodes.add(new Node.Output("o" + i, types.get(i), "i" + i, L));
        }
        if (copies > 1) assertTrue(ins.size() + outs.size() > NativeBatch.DIRECT_COLUMNS, ins.size() + " inputs and outputs");
        Design design = new Design("Columns", List.of(new ModuleIr("Columns", nodes, List.of(), List.of(), List.of(), L)));
        BlockColumns cols = new BlockColumns(ins, types);
        long[][] sent = cols.allocate(CYCLES);
        Random r = new Random(7);
        for (int i = 0; i < types.size(); i++) {
            for (int k = 0; k < CYCLES; k++) LongWords.toWords(random(types.get(i), r), types.get(i), sent[i], k * cols.words(i));
        }
        long[][] seen = cols.allocate(CYCLES);
        try (Simulation sim = new VerilatorSimulation(design, options)) {
            sim.runBatch(ins, outs, CYCLES,
                    (first, count, in) -> {
                        for (int i = 0; i < in.length; i++) {
                            int w = cols.words(i);
                            System.arraycopy(sent[i], (int) first * w, in[i], 0, count * w);
                        }
                    },
                    (first, count, out) -> {
                        for (int j = 0; j < out.length; j++) {
                            int w = cols.words(j);
                            System.arraycopy(out[j], 0, seen[j], (int) first * w, count * w);
                        }
                    });
            for (int i = 0; i < types.size(); i++) {
                assertArrayEquals(sent[i], seen[i], "o" + i + " (" + types.get(i) + ")");
                int w = cols.words(i);
                BigInteger last = LongWords.fromWords(sent[i], (CYCLES - 1) * w, types.get(i));
                assertEquals(last, sim.peek("o" + i), "o" + i + " holds the last cycle's input after the batch");
            }
        }
    }

    /** A value of {@code t}, half the time at an end of its range. */
    private static BigInteger random(Type t, Random r) {
        BigInteger v = new BigInteger(t.width(), r);  // 0 .. 2^w - 1
        if (r.nextInt(4) == 0) v = BigInteger.ONE.shiftLeft(t.width()).subtract(BigInteger.ONE);
        else if (r.nextInt(3) == 0) v = BigInteger.ZERO;
        return t.signed() ? v.subtract(BigInteger.ONE.shiftLeft(t.width() - 1)) : v;
    }
}
