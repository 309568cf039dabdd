package defernorm.cosim.builtin;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.hdl.ir.Design;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

/** Placeholder until the built-in engine lands (owned by the built-in simulator work). */
public final class BuiltinSimulation implements Simulation {
    public BuiltinSimulation(Design design, SimOptions options) {
        throw new UnsupportedOperationException("the built-in simulator is not written yet");
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
    @Override public Engine engine() { return Engine.BUILTIN; }
    @Override public void close() {}
}
