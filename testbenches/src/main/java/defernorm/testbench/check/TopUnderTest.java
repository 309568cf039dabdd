package defernorm.testbench.check;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.hdl.ir.Design;
import java.util.List;

/**
 * Everything the checker needs about one generated top: how to open it on an engine, its stream shape,
 * the configuration words to load, and its golden model.
 *
 * <pre>{@code
 * TopUnderTest top = TopUnderTest.of(design, shape, configWrites, golden);
 * CheckResult r = Checker.check(top, CheckPlan.free(tokens, 1L), SimOptions.builtin());
 * }</pre>
 */
public record TopUnderTest(String name, StreamShape shape, List<ConfigWrite> config, GoldenStream golden,
                           Opener opener) {
    public TopUnderTest { config = List.copyOf(config); }

    /** Opens a fresh simulation of the top. Tests may plug in a hand-written model here. */
    @FunctionalInterface
    public interface Opener {
        Simulation open(SimOptions options);
    }

    public static TopUnderTest of(Design design, StreamShape shape, List<ConfigWrite> config, GoldenStream golden) {
        return new TopUnderTest(design.top(), shape, config, golden, o -> Simulations.open(design, o));
    }
}
