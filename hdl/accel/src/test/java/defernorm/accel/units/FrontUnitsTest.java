package defernorm.accel.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.cosim.Engine;
import defernorm.cosim.Simulation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The small control units of the front and the drain against plain Java models, cycle by cycle on the
 * built-in engine (the tops check the rest of their behaviour against the golden Schedule on every cycle).
 */
class FrontUnitsTest {

    @Test
    void drainStartsTheCycleBothItsLandingAndItsFactorAreThere() {
        int g = 3;
        try (Simulation sim = UnitSims.open(new DrainSequencer(g, 8, 4), Engine.BUILTIN)) {
            sim.poke("en", 1);
            sim.poke("land", 0);
            sim.poke("factor_valid", 0);
            sim.reset();
            // Two factors first (queued), then two landings back to back: each drain starts as soon as it may.
            for (int f : new int[] {11, 22}) {
                sim.poke("factor_valid", 1);
                sim.poke("factor_data", f);
                assertEquals(0, sim.peekLong("start"));
                sim.step();
            }
            sim.poke("factor_valid", 0);
            sim.poke("land", 1);
            assertEquals(1, sim.peekLong("start"), "the first drain starts with its landing");
            for (int i = 0; i < 2 * g; i++) {
                assertEquals(1, sim.peekLong("issue"), "read " + i);
                assertEquals(i / g, sim.peekLong("bank"), "bank of read " + i);
                assertEquals(i % g, sim.peekLong("group"), "group of read " + i);
                assertEquals(i < g ? 11 : 22, sim.peekLong("factor"), "factor of read " + i);
                assertEquals(i % g == 0 ? 1 : 0, sim.peekLong("start"), "start at read " + i);
                assertEquals(i % g == g - 1 ? 1 : 0, sim.peekLong("last"), "last at read " + i);
                sim.step();
                sim.poke("land", i == 0 ? 1 : 0);   // the second token lands one cycle after the first
            }
            assertEquals(0, sim.peekLong("issue"));
            // A landing without its factor waits; the factor's arrival starts the drain through the bypass.
            sim.poke("land", 1);
            sim.step();
            sim.poke("land", 0);
            sim.step();
            assertEquals(0, sim.peekLong("start"));
            sim.poke("factor_valid", 1);
            sim.poke("factor_data", 33);
            assertEquals(1, sim.peekLong("start"), "bypass: the drain starts the edge after the factor register loads");
            assertEquals(33, sim.peekLong("factor"));
            sim.step();
            sim.poke("factor_valid", 0);
            assertEquals(33, sim.peekLong("factor"), "the factor is held for the token's G reads");
        }
    }
}
