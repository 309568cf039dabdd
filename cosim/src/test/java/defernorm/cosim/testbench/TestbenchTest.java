package defernorm.cosim.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Port;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.examples.Counter;
import defernorm.hdl.Elaborator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fork/join tasks in lockstep with the clock: order within a cycle, join, errors, time limits. */
class TestbenchTest {
    private static Simulation counter() { return Simulations.open(Elaborator.elaborate(new Counter(8)), SimOptions.builtin()); }

    @Test void tasksRunInForkOrderEachCycleAndSeeTheSameClock() {
        try (Simulation sim = counter(); Testbench tb = new Testbench(sim)) {
            sim.reset();
            Port en = sim.port("en"), count = sim.port("count");
            List<String> log = new ArrayList<>();
            tb.fork("enabler", () -> {
                en.poke(1);
                log.add("en@" + tb.cycles());
                tb.step(3);
                en.poke(0);
                log.add("off@" + tb.cycles());
            });
            Testbench.Task reader = tb.fork("reader", () -> {
                for (int i = 0; i < 5; i++) {
                    log.add("count=" + count.peekLong() + "@" + tb.cycles());
                    tb.step();
                }
            });
            tb.fork("joiner", () -> {
                reader.join();
                log.add("joined@" + tb.cycles());
            });
            tb.run(100);
            assertEquals(List.of("en@0", "count=0@0", "count=1@1", "count=2@2", "off@3", "count=3@3",
                    "count=3@4", "joined@5"), log);
        }
    }

    @Test void aFailingTaskIsNamedWithItsCycle() {
        try (Simulation sim = counter(); Testbench tb = new Testbench(sim)) {
            tb.fork("checker", () -> {
                tb.step(2);
                sim.port("count").expect(9);
            });
            Testbench.TaskFailed e = assertThrows(Testbench.TaskFailed.class, () -> tb.run(10));
            assertTrue(e.getMessage().startsWith("testbench task checker failed at cycle 2: "), e.getMessage());
        }
    }

    @Test void aTaskThatNeverEndsHitsTheLimit() {
        try (Simulation sim = counter(); Testbench tb = new Testbench(sim)) {
            tb.fork("forever", () -> { while (true) tb.step(); });
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> tb.run(50));
            assertEquals("testbench tasks still running after 50 cycles: forever", e.getMessage());
            assertEquals(50, sim.cycle());
        }
    }

    @Test void stepOutsideATaskIsAClearError() {
        try (Simulation sim = counter(); Testbench tb = new Testbench(sim)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> tb.step());
            assertTrue(e.getMessage().contains("for forked tasks"), e.getMessage());
        }
    }
}
