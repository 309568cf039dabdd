package com.example.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.cosim.Engine;
import defernorm.cosim.Port;
import defernorm.cosim.Simulation;
import defernorm.cosim.testbench.StreamMonitor;
import defernorm.cosim.testbench.StreamPorts;
import defernorm.cosim.testbench.StreamSink;
import defernorm.cosim.testbench.StreamSource;
import defernorm.cosim.testbench.Testbench;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The arbiter on both engines: fixed turns when every input is busy, then random traffic against {@link ArbiterModel}. */
class RoundRobinArbiterTest {
    static final int INPUTS = 4;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void busyInputsTakeTurns(Engine engine) {
        try (Simulation sim = Engines.open(new RoundRobinArbiter(INPUTS, 16), engine)) {
            sim.reset();
            for (int k = 0; k < INPUTS; k++) sim.port("in_" + k + "_valid").poke(1);
            Port outReady = sim.port("out_ready"), source = sim.port("out_data_source");
            outReady.poke(1);
            for (int n = 0; n < 3 * INPUTS; n++) {
                source.expect(n % INPUTS);       // 0, 1, 2, 3, 0, ...
                sim.step();
            }
            outReady.poke(0);                    // nothing taken: the turn does not move on
            sim.step(5);
            source.expect(0);
        }
    }

    /**
     * Stream drivers with random gaps on every input and backpressure on the output; each cycle a monitor
     * checks the winner against the model, and at the end every word has arrived, in order per input.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void randomTrafficMatchesTheModel(Engine engine) {
        int wordsPerInput = 300;
        ArbiterModel model = new ArbiterModel(INPUTS);
        try (Simulation sim = Engines.open(new RoundRobinArbiter(INPUTS, 16), engine); Testbench tb = new Testbench(sim)) {
            sim.reset();
            List<StreamPorts> in = new ArrayList<>();
            for (int k = 0; k < INPUTS; k++) {
                StreamPorts ports = StreamPorts.of(sim, "in_" + k + "_valid", "in_" + k + "_ready", "in_" + k + "_data");
                StreamSource source = new StreamSource(tb, ports, 0.3 + 0.2 * k, k);   // input 3 is the busiest
                for (int i = 0; i < wordsPerInput; i++) source.send(word(k, i));
                in.add(ports);
            }
            StreamPorts outPorts = StreamPorts.of(sim, "out_valid", "out_ready", "out_data_word");
            StreamSink sink = new StreamSink(tb, outPorts, 0.7, 99);
            StreamMonitor monitor = new StreamMonitor(tb, outPorts);   // an offered word stays until it is taken
            Port outValid = sim.port("out_valid"), outReady = sim.port("out_ready");
            Port outData = sim.port("out_data_word"), outSource = sim.port("out_data_source");

            tb.onEdge(cycle -> {                 // after every driver has poked, before the clock edge
                boolean[] valid = new boolean[INPUTS];
                for (int k = 0; k < INPUTS; k++) valid[k] = in.get(k).valid().peekLong() == 1;
                int winner = model.winner(valid);
                outValid.expect(winner >= 0 ? 1 : 0);
                if (winner >= 0) {
                    outSource.expect(winner);
                    outData.expect(in.get(winner).data().peek());
                }
                model.endCycle(winner, outReady.peekLong() == 1);
            });
            tb.fork("until every word arrived", () -> {
                while (sink.received().size() < INPUTS * wordsPerInput) tb.step();
            });
            tb.run(100_000);
            assertEquals(List.of(), monitor.violations());

            for (int k = 0; k < INPUTS; k++) {
                int input = k;
                List<Long> fromK = sink.received().stream().filter(w -> w >> 12 == input).toList();
                assertEquals(wordsPerInput, fromK.size(), "words from input " + k);
                for (int i = 0; i < wordsPerInput; i++) assertEquals(word(k, i), fromK.get(i));
            }
        }
    }

    /** A 16-bit word that says where it came from: the input in the top 4 bits, a sequence number below. */
    private static long word(int input, int i) { return ((long) input << 12) | i; }
}
