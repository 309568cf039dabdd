package defernorm.cosim.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.hdl.Elaborator;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The language's aggregates, dynamic indexing, enum state machine and typed instance ports lower to the plain
 * IR, so both engines run them: a round-robin arbiter of 5 requesters (not a power of two: the index trees pad
 * with 0) behind a wrapper connected through port handles, checked cycle by cycle against a Java model.
 */
class AggregatesOnBothEnginesTest {
    private static final int N = 5, W = 8, CYCLES = 400;

    @TempDir Path work;

    @Test void portsAreFlattenedWithFlippedFieldsGoingTheOtherWay() {
        ModuleIr top = design().modules().getLast();
        List<String> ins = top.inputs().stream().map(Node::name).toList();
        List<String> outs = top.outputs().stream().map(Node::name).toList();
        assertEquals(List.of("in_0_valid", "in_0_data", "in_1_valid", "in_1_data", "in_2_valid", "in_2_data",
                "in_3_valid", "in_3_data", "in_4_valid", "in_4_data", "out_ready", "probe"), ins);
        assertEquals(List.of("out_valid", "out_data", "out_from", "probe_data", "count_0", "count_1", "count_2",
                "count_3", "count_4"), outs);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void arbiterMatchesTheModelOnEveryCycle(Engine engine) {
        SimOptions opts = SimOptions.builtin();
        if (engine == Engine.VERILATOR) {
            ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
            opts = SimOptions.verilator().withWorkDir(work).withTimeout(Duration.ofSeconds(60));
        }
        Model model = new Model();
        SplittableRandom rnd = new SplittableRandom(12);
        int grants = 0;
        try (Simulation sim = Simulations.open(design(), opts)) {
            sim.reset();
            for (int c = 0; c < CYCLES; c++) {
                boolean[] valid = new boolean[N];
                int[] data = new int[N];
                for (int i = 0; i < N; i++) {
                    valid[i] = rnd.nextInt(4) == 0;
                    data[i] = rnd.nextInt(256);
                    sim.poke("in_" + i + "_valid", valid[i] ? 1 : 0);
                    sim.poke("in_" + i + "_data", data[i]);
                }
                boolean ready = rnd.nextBoolean();
                int probe = rnd.nextInt(8);
                sim.poke("out_ready", ready ? 1 : 0);
                sim.poke("probe", probe);
                String at = engine + " cycle " + c + ": ";
                assertEquals(model.busy ? 1 : 0, sim.peekLong("out_valid"), at + "out_valid");
                assertEquals(data[model.ptr], sim.peekLong("out_data"), at + "out_data");
                assertEquals(model.ptr, sim.peekLong("out_from"), at + "out_from");
                assertEquals(probe < N ? data[probe] : 0, sim.peekLong("probe_data"), at + "probe_data");
                for (int i = 0; i < N; i++) assertEquals(model.served[i], sim.peekLong("count_" + i), at + "count_" + i);
                if (model.busy && ready) grants++;
                model.step(valid, ready);
                sim.step();
            }
        }
        assertTrue(grants > 20, "the stimulus exercises the arbiter: " + grants + " grants");
    }

    private static Design design() { return Elaborator.elaborate(new ArbiterTop(N, W)); }

    /** The arbiter in plain Java. */
    private static final class Model {
        boolean busy;
        int ptr;
        final int[] served = new int[N];

        void step(boolean[] valid, boolean ready) {
            int next = ptr == N - 1 ? 0 : ptr + 1;
            if (!busy) {
                if (valid[ptr]) {
                    busy = true;
                    served[ptr] = (served[ptr] + 1) & 0xff;
                } else {
                    ptr = next;
                }
            } else if (ready) {
                busy = false;
                ptr = next;
            }
        }
    }
}
