package defernorm.cosim.verilator;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.hdl.ir.Design;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

/** Placeholder until the Verilator backend lands (owned by the Verilator backend work). */
public final class VerilatorSimulation implements Simulation {
    public VerilatorSimulation(Design design, SimOptions options) {
        throw new UnsupportedOperationException("the Verilator backend is not written yet");
    }
    @Override public void poke(String input, BigInteger value) {}
    @Override public BigInteger peek(String net) { return BigInteger.ZERO; }
    @Override public void step(int cycles) {}
    @Override public void reset(int cycles) {}
    @Override public void expect(String net, BigInteger expected) {}
    @Override public long cycle() { return 0; }
    @Override public void runBatch(List<String> inputs, List<String> outputs, long cycles, Stimulus s, Observer o) {}
    @Override public void startWaves(Path vcd) {}
    @Override public void stopWaves() {}
    @Override public Engine engine() { return Engine.VERILATOR; }
    @Override public void close() {}
}
