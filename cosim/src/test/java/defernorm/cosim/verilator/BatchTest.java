package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import java.math.BigInteger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.apache.commons.io.FileUtils;

/** runBatch: streamed stimulus, outputs in order, early stops that leave the session consistent. */
class BatchTest {
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

        @Test void batchMatchesLockstepAcrossManyChunks() {
            sim.reset();
            int n = 50_000;  // several chunks
            List<Long> counts = new ArrayList<>();
            long[] sOut = new long[n];
            BigInteger[] wide = new BigInteger[n];
            long start = sim.cycle();
            sim.runBatch(List.of("en", "s_in", "wide_in"), List.of("count", "s_out", "wide_out", "u_dbl.twice"), n,
                    (c, in) -> {
                        in.set(0, c % 3 == 0 ? 1 : 0);
                        in.set(1, (c % 4096) - 2048);
                        in.set(2, BigInteger.valueOf(c).shiftLeft(80).or(BigInteger.valueOf(c)));
                    },
                    (c, out) -> {
                        counts.add(out.get(0));
                        sOut[(int) c] = out.get(1);
                        wide[(int) c] = out.getBig(2);
                    });
            assertEquals(start + n, sim.cycle());
            long expectCount = 0;
            for (int c = 0; c < n; c++) {
                assertEquals(expectCount & 0xFF, counts.get(c), "count at batch cycle " + c);
                if (c % 3 == 0) expectCount++;
                if (c > 0) assertEquals(((c - 1) % 4096) - 2048, sOut[c], "s_out at " + c);
                assertEquals(BigInteger.valueOf(c).shiftLeft(80).or(BigInteger.valueOf(c)), wide[c]);
            }
            // inputs keep the batch's last values afterwards
            assertEquals(((n - 1) % 4096) - 2048, sim.peekLong("s_in"));
        }

        @Test void unsetColumnsHoldTheirValue() {
            sim.reset();
            sim.poke("en", 1);
            long[] last = new long[1];
            sim.runBatch(List.of("en", "a"), List.of("count"), 10, (c, in) -> { if (c == 5) in.set(0, 0); },
                    (c, out) -> last[0] = out.get(0));
            assertEquals(5, last[0]);
            assertEquals(0, sim.peekLong("en"));
        }

        @Test void observerExceptionIsRethrownAndSessionStaysUsable() {
            sim.reset();
            long start = sim.cycle();
            IllegalStateException boom = new IllegalStateException("stop here");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
                    sim.runBatch(List.of("en"), List.of("count"), 200_000, (c, in) -> in.set(0, 1),
                            (c, out) -> { if (c == 1000) throw boom; }));
            assertSame(boom, thrown);
            long ran = sim.cycle() - start;
            assertEquals(true, ran > 1000 && ran <= 200_000, "ran " + ran);
            assertEquals(ran & 0xFF, sim.peekLong("count"));
        }

        @Test void stimulusExceptionIsRethrown() {
            long start = sim.cycle();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                    sim.runBatch(List.of("a"), List.of("dbl"), 100_000, (c, in) -> in.set(0, c < 50_000 ? 1 : 300), null));
            assertEquals(true, e.getMessage().contains("does not fit"), e.getMessage());
            long ran = sim.cycle() - start;
            assertEquals(true, ran <= 50_000, "the cycle that does not fit is not simulated: ran " + ran);
            assertEquals(2, sim.peekLong("dbl"));
        }

        @Test void batchWithoutOutputsOrStimulus() {
            sim.reset();
            sim.poke("en", 1);
            sim.runBatch(List.of(), List.of(), 300, (Simulation.BlockStimulus) null, null);
            assertEquals(300 & 0xFF, sim.peekLong("count"));
        }
    }
}
