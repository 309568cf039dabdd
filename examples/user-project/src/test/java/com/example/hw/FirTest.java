package com.example.hw;

import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Engine;
import defernorm.cosim.Port;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.testbench.Testbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same checks on the built-in engine and on Verilator, against {@link FirModel}. */
class FirTest {
    static final int[] COEFFS = {-3, 5, 7, -2};

    @ParameterizedTest
    @EnumSource(Engine.class)
    void impulseResponseIsTheCoefficients(Engine engine) {
        try (Simulation sim = Engines.open(new Fir(COEFFS), engine)) {
            Port inValid = sim.port("in_valid"), inData = sim.port("in_data");
            Port outValid = sim.port("out_valid"), outData = sim.port("out_data");
            sim.reset();
            inValid.poke(1);
            for (int n = 0; n < Fir.TAPS + 2; n++) {
                inData.poke(n == 0 ? 1 : 0);        // x = 1, 0, 0, ...
                sim.step();
                outValid.expect(1);
                outData.expect(n < Fir.TAPS ? COEFFS[n] : 0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void extremeSamplesAndCoefficientsDoNotOverflow(Engine engine) {
        int[] coeffs = {-128, -128, -128, -128};
        long[] samples = {-128, -128, -128, -128, 127, 127, 127, 127, -128, 127, 0};
        FirModel model = new FirModel(coeffs);
        try (Simulation sim = Engines.open(new Fir(coeffs), engine)) {
            Port inValid = sim.port("in_valid"), inData = sim.port("in_data"), outData = sim.port("out_data");
            sim.reset();
            inValid.poke(1);
            for (long x : samples) {
                inData.poke(x);
                sim.step();
                outData.expect(model.next(x));     // up to 4·(-128)·(-128) = 65536: one more than SInt(17) holds
            }
        }
    }

    /** A driver and a checker as two fork/join tasks; samples arrive with random gaps. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void randomSamplesWithGapsMatchTheModel(Engine engine) {
        int samples = 2_000;
        FirModel model = new FirModel(COEFFS);
        Queue<Long> expected = new ArrayDeque<>();
        Random random = new Random(42);
        try (Simulation sim = Engines.open(new Fir(COEFFS), engine); Testbench tb = new Testbench(sim)) {
            Port inValid = sim.port("in_valid"), inData = sim.port("in_data");
            Port outValid = sim.port("out_valid"), outData = sim.port("out_data");
            sim.reset();
            tb.fork("driver", () -> {
                for (int sent = 0; sent < samples; ) {
                    boolean valid = random.nextInt(3) > 0;            // two cycles in three carry a sample
                    long x = random.nextInt(256) - 128;               // -128..127; ignored while not valid
                    inValid.poke(valid ? 1 : 0);
                    inData.poke(x);
                    if (valid) {
                        expected.add(model.next(x));
                        sent++;
                    }
                    tb.step();
                }
                inValid.poke(0);
            });
            tb.fork("checker", () -> {
                for (int checked = 0; checked < samples; ) {
                    tb.step();
                    if (outValid.peekLong() == 1) {
                        outData.expect(expected.remove());
                        checked++;
                    }
                }
            });
            tb.run(10 * samples);
            assertTrue(expected.isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void writesAWaveform(Engine engine) throws Exception {
        Path vcd = Path.of("target", "waves", "fir-" + engine.name().toLowerCase() + ".vcd");
        Files.createDirectories(vcd.getParent());
        try (Simulation sim = Engines.open(new Fir(COEFFS), SimOptions.of(engine).withWaves(true))) {
            sim.startWaves(vcd);
            Port inValid = sim.port("in_valid"), inData = sim.port("in_data");
            sim.reset();
            inValid.poke(1);
            for (int x : new int[] {1, 0, 0, 0, 0}) {
                inData.poke(x);
                sim.step();
            }
        }
        String text = Files.readString(vcd);
        assertTrue(text.contains("$timescale") && text.contains(" out_data "), "a VCD with the FIR's output in it");
    }
}
