package defernorm.cosim.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.AssertionFailed;
import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.hdl.Elaborator;
import defernorm.hdl.ir.Design;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** assertThat and cover on both engines: the same failure sentence at the same cycle, the same hit counts. */
class AssertionsAndCoverTest {
    private static final String FAILURE = "Assertion failed in cycle 6 at CheckDesigns.java:" + CheckDesigns.ASSERT_LINE
            + ": count stays below 5 while counting";
    @TempDir Path work;

    private Simulation open(Engine e, boolean isolated) {
        if (e == Engine.VERILATOR) ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
        Design d = Elaborator.elaborate(new CheckDesigns.Top());
        SimOptions o = SimOptions.of(e).withWorkDir(work);
        if (isolated) o = SimOptions.verilator().withIsolation(true).withWorkDir(work);
        return Simulations.open(d, o);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailedAssertionStopsWithMessageCycleAndLine(Engine e) {
        try (Simulation sim = open(e, false)) {
            sim.reset();                 // cycle 0
            sim.poke("en", 1);
            sim.step(5);                 // cycles 1..5: count 0..4, below 5
            sim.expect("count", 5);
            RuntimeException failure = assertThrows(RuntimeException.class, () -> sim.step(3));
            assertTrue(failure.getMessage().startsWith(FAILURE), failure.getMessage());
            if (e == Engine.BUILTIN) assertEquals(6, ((AssertionFailed) failure).cycle());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBatchStopsWithTheSameSentence(Engine e) {
        try (Simulation sim = open(e, false)) {
            sim.reset();
            RuntimeException failure = assertThrows(RuntimeException.class, () -> sim.runBatch(List.of("en"),
                    List.of("count"), 20, (c, in) -> in.set(0, 1), null));
            assertTrue(failure.getMessage().startsWith(FAILURE), failure.getMessage());
        }
    }

    @Test
    void theIsolatedVerilatorSessionReportsTheSameSentence() {
        try (Simulation sim = open(Engine.VERILATOR, true)) {
            sim.reset();
            sim.poke("en", 1);
            RuntimeException failure = assertThrows(RuntimeException.class, () -> {
                sim.step(10);            // pipelined: the failure comes back with the next reply
                sim.peek("count");
            });
            assertTrue(failure.getMessage().startsWith(FAILURE), failure.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAssertionHoldsOutsideItsWhenAndDuringReset(Engine e) {
        try (Simulation sim = open(e, false)) {
            sim.reset();
            sim.poke("en", 1);
            sim.step(5);
            sim.poke("en", 0);
            sim.step(4);                 // count 5, but not counting: the assertion is off
            sim.poke("en", 1);
            sim.reset(2);                // counting at 5 during reset: off as well
            sim.expect("count", 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void coverCountsAreEqualOnBothEngines(Engine e) {
        try (Simulation sim = open(e, false)) {
            sim.reset();
            sim.poke("en", 1);
            sim.step(4);                 // count 0..3 while counting: "three" once, "enabled" 4 times
            sim.poke("en", 0);
            sim.step(3);                 // count stays 4
            sim.poke("en", 1);
            sim.reset(1);                // not counted during reset
            sim.step(4);                 // 0..3 again
            assertEquals(Map.of("u.three", 2L, "u.enabled", 8L), sim.coverage());
        }
    }
}
