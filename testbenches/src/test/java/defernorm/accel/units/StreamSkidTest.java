package defernorm.accel.units;

import defernorm.cosim.Engine;
import defernorm.cosim.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The skid buffer passes every beat once, in order, under random valid and ready; it adds no latency when never stalled. */
class StreamSkidTest {

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void everyBeatPassesOnceInOrder(Engine engine) {
        Random rnd = new Random(90);
        try (Simulation sim = UnitSims.open(new StreamSkid(16), engine)) {
            for (double stall : new double[] {0.0, 0.3, 0.7}) {
                sim.poke("in_valid", 0);
                sim.poke("out_ready", 1);
                sim.reset();
                List<Long> sent = new ArrayList<>();
                List<Long> got = new ArrayList<>();
                long next = 1;
                for (int c = 0; c < 3000; c++) {
                    boolean valid = rnd.nextDouble() < 0.7;
                    boolean ready = rnd.nextDouble() >= stall;
                    sim.poke("in_valid", valid ? 1 : 0);
                    sim.poke("in_data", next);
                    sim.poke("out_ready", ready ? 1 : 0);
                    if (sim.peekLong("out_valid") == 1 && ready) got.add(sim.peekLong("out_data"));
                    if (valid && sim.peekLong("in_ready") == 1) {
                        if (stall == 0.0) assertEquals(next, sim.peekLong("out_data"), "no stall: the beat passes the same cycle");
                        sent.add(next);
                        next = (next + 1) & 0xffff;
                    }
                    sim.step();
                }
                assertTrue(sent.size() - got.size() <= 1, "at most the held beat is still inside");
                assertEquals(sent.subList(0, got.size()), got);
            }
        }
    }
}
