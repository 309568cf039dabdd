package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.SimulationMismatch;
import defernorm.cosim.Simulations;
import java.math.BigInteger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.apache.commons.io.FileUtils;

/** Lockstep use of the Verilator engine: poke, peek, step, reset, expect, debug nets, wide and signed values. */
class VerilatorSimulationTest {
    /** The model loaded into the JVM (the default mode). */
    @Nested @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class InProcess extends Cases {
        InProcess() { super(false); }
    }

    /** The model in a child process (SimOptions.withIsolation). */
    @Nested @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Isolated extends Cases {
        Isolated() { super(true); }
    }

    abstract class Cases {
        Path work;
        Simulation sim;
        private final boolean isolated;

        Cases(boolean isolated) { this.isolated = isolated; }

        @BeforeAll void open() throws IOException {
            TestDesigns.assumeVerilator();
            work = Files.createTempDirectory("defernorm-" + getClass().getSimpleName());
            SimOptions o = isolated ? TestDesigns.isolated(work) : TestDesigns.options(work);
            sim = Simulations.open(TestDesigns.widget(), o);
        }

        @AfterAll void close() {
            if (sim != null) sim.close();
            if (work != null) FileUtils.deleteQuietly(work.toFile());
        }

        @Test void countsWhenEnabledAndResets() {
            sim.reset();
            sim.poke("en", 1);
            sim.step(5);
            sim.expect("count", 5);
            sim.poke("en", 0);
            sim.step(3);
            assertEquals(5, sim.peekLong("count"));
            sim.reset(2);
            assertEquals(0, sim.peekLong("count"));
            assertEquals(Engine.VERILATOR, sim.engine());
        }

        @Test void cycleCountsEveryEdge() {
            long before = sim.cycle();
            sim.step(4);
            sim.reset(3);
            assertEquals(before + 7, sim.cycle());
        }

        @Test void signedValuesRoundTrip() {
            sim.poke("s_in", -2048);
            sim.step();
            assertEquals(-2048, sim.peekLong("s_out"));
            assertEquals(-2048, sim.peekLong("s_in"));
            sim.poke("s_in", 2047);
            sim.step();
            sim.expect("s_out", 2047);
        }

        @Test void widerThan64Bits() {
            BigInteger v = BigInteger.ONE.shiftLeft(99).or(BigInteger.valueOf(0xDEADBEEFCAFEL)).or(BigInteger.ONE.shiftLeft(70));
            sim.poke("wide_in", v);
            assertEquals(v, sim.peek("wide_out"));
            BigInteger all = BigInteger.ONE.shiftLeft(100).subtract(BigInteger.ONE);
            sim.poke("wide_in", all);
            assertEquals(all, sim.peek("wide_out"));
        }

        @Test void debugNetsAtTopAndInChildren() {
            sim.reset();
            sim.poke("en", 1);
            sim.step(2);
            assertEquals(3, sim.peekLong("next_count"));
            sim.poke("a", 200);
            assertEquals(400, sim.peekLong("u_dbl.twice"));
            assertEquals(400, sim.peekLong("dbl"));
        }

        @Test void expectFailureNamesCycleNetValuesAndCallerLine() {
            sim.reset();
            SimulationMismatch m = assertThrows(SimulationMismatch.class, () -> sim.expect("count", 7));
            assertEquals("count", m.net());
            assertEquals(sim.cycle(), m.cycle());
            assertEquals(BigInteger.ZERO, m.actual());
            assertTrue(m.getMessage().contains("VerilatorSimulationTest.java:"), m.getMessage());
        }

        @Test void badRequestsAreOneSentence() {
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> sim.poke("nope", 1));
            assertTrue(unknown.getMessage().contains("nope"));
            IllegalArgumentException output = assertThrows(IllegalArgumentException.class, () -> sim.poke("count", 1));
            assertTrue(output.getMessage().contains("output"));
            IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> sim.poke("a", 256));
            assertTrue(tooBig.getMessage().contains("does not fit"));
            assertThrows(IllegalArgumentException.class, () -> sim.poke("s_in", 2048));
            assertThrows(IllegalArgumentException.class, () -> sim.expect("a", 999));
            // the session is still usable after rejected requests
            sim.poke("a", 1);
            assertEquals(2, sim.peekLong("dbl"));
        }

        @Test void cachedModelStartsWithoutBuilding() {
            try (VerilatorSimulation again = new VerilatorSimulation(TestDesigns.widget(), (isolated ? TestDesigns.isolated(work) : TestDesigns.options(work)))) {
                VerilatorSimulation.ModelInfo info = again.modelInfo();
                assertFalse(info.builtNow());
                again.poke("a", 3);
                assertEquals(6, again.peekLong("dbl"));
            }
        }
    }
}
