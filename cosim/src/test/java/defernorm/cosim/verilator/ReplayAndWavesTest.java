package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Simulation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The replay log (replayed by the binary alone) and VCD waveforms. */
class ReplayAndWavesTest {
    @TempDir Path work;

    @BeforeEach void needsVerilator() { TestDesigns.assumeVerilator(); }

    @Test void sessionReplaysWithoutJava() throws Exception {
        VerilatorSimulation.ModelInfo info;
        try (VerilatorSimulation sim = new VerilatorSimulation(TestDesigns.widget(), TestDesigns.isolated(work))) {
            sim.reset();
            sim.poke("en", 1);
            sim.step(4);
            sim.runBatch(List.of("a"), List.of("dbl"), 10, (c, in) -> in.set(0, c), null);
            assertEquals(14, sim.peekLong("count"));
            info = sim.modelInfo();
        }
        assertTrue(Files.size(info.replayFile()) > 0);
        assertTrue(info.replayFile().getFileName().toString().startsWith("Widget-"));
        Process p = new ProcessBuilder(info.binary().toString(), "--replay", info.replayFile().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("cycle 15: count = 0xe"), out);
        assertTrue(out.contains("replayed 15 cycles"), out);
    }

    @Test void aCappedLogReplaysUpToItsCut() throws Exception {
        VerilatorSimulation.ModelInfo info;
        System.setProperty("defernorm.replay.maxBytes", "5000");
        try (VerilatorSimulation sim = new VerilatorSimulation(TestDesigns.widget(), TestDesigns.isolated(work))) {
            sim.runBatch(List.of("a"), List.of("dbl"), 10_000, (c, in) -> in.set(0, c & 0xFF), null);
            info = sim.modelInfo();
        } finally {
            System.clearProperty("defernorm.replay.maxBytes");
        }
        assertEquals(5000, Files.size(info.replayFile()));
        Process p = new ProcessBuilder(info.binary().toString(), "--replay", info.replayFile().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("cut at its size limit"), out);
    }

    @Test void wavesNeedAModelBuiltForThem() {
        try (Simulation sim = new VerilatorSimulation(TestDesigns.widget(), TestDesigns.options(work))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.startWaves(work.resolve("w.vcd")));
            assertTrue(e.getMessage().contains("withWaves(true)"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "isolated={0}")
    @ValueSource(booleans = {false, true})
    void wavesNameSignalsAsInTheVerilog(boolean isolated) throws Exception {
        Path vcd = work.resolve("widget.vcd");
        try (Simulation sim = new VerilatorSimulation(TestDesigns.widget(),
                TestDesigns.options(work).withIsolation(isolated).withWaves(true))) {
            sim.reset();
            sim.startWaves(vcd);
            sim.poke("en", 1);
            sim.step(3);
            sim.stopWaves();
            sim.step(100);
            sim.expect("count", 103);
        }
        String text = Files.readString(vcd);
        for (String name : List.of(" count ", " en ", " clk ", " wide_in ", " u_dbl ", " twice ")) {
            assertTrue(text.contains(name), "VCD lacks" + name);
        }
        assertTrue(text.contains("#35"), "a rising edge at 10*cycle+5");
        assertTrue(text.matches("(?s).*\\$timescale\\s+1\\s*ns\\s+\\$end.*"), "nanoseconds, as the built-in engine writes");
        assertTrue(!text.contains("#100"), "nothing dumped after stopWaves");
    }
}
