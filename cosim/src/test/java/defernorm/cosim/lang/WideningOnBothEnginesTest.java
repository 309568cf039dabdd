package defernorm.cosim.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.hdl.Component;
import defernorm.hdl.Elaborator;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Operands of different widths and one signedness are extended without loss: exact results on both engines. */
class WideningOnBothEnginesTest {
    @TempDir Path work;

    /** SInt(17) and SInt(16), UInt(5) and UInt(12), combined without a single resize in the source. */
    static final class Mixed extends Component {
        Mixed() {
            super("Mixed");
            Signal a = input("a", Type.sint(17)), b = input("b", Type.sint(16));
            Signal c = input("c", Type.uint(5)), d = input("d", Type.uint(12));
            output("sum", Type.sint(18)).set(a.plus(b));
            output("diff", Type.sint(18)).set(b.minus(a));
            output("lt", Type.bool()).set(b.lt(a));
            output("eq", Type.bool()).set(a.eq(b));
            output("usum", Type.uint(13)).set(c.plus(d));
            output("udiff", Type.sint(13)).set(c.minus(d));
            output("ge", Type.bool()).set(c.ge(d));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void resultsAreExact(Engine engine) {
        SimOptions opts = SimOptions.builtin();
        if (engine == Engine.VERILATOR) {
            ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
            opts = SimOptions.verilator().withWorkDir(work).withTimeout(Duration.ofSeconds(60));
        }
        SplittableRandom rnd = new SplittableRandom(3);
        long[][] edges = {{-65536, -32768}, {65535, 32767}, {-1, -1}, {0, 0}, {-65536, 32767}, {40000, 40000 - 65536}};
        try (Simulation sim = Simulations.open(Elaborator.elaborate(new Mixed()), opts)) {
            for (int k = 0; k < 300; k++) {
                long a = k < edges.length ? edges[k][0] : rnd.nextLong(-65536, 65536);
                long b = k < edges.length ? edges[k][1] : rnd.nextLong(-32768, 32768);
                long c = rnd.nextLong(32), d = k % 7 == 0 ? c : rnd.nextLong(4096);
                sim.poke("a", a);
                sim.poke("b", b);
                sim.poke("c", c);
                sim.poke("d", d);
                String at = engine + " a=" + a + " b=" + b + " c=" + c + " d=" + d + ": ";
                assertEquals(BigInteger.valueOf(a + b), sim.peek("sum"), at + "sum");
                assertEquals(BigInteger.valueOf(b - a), sim.peek("diff"), at + "diff");
                assertEquals(b < a ? 1 : 0, sim.peekLong("lt"), at + "lt");
                assertEquals(a == b ? 1 : 0, sim.peekLong("eq"), at + "eq");
                assertEquals(c + d, sim.peekLong("usum"), at + "usum");
                assertEquals(c - d, sim.peekLong("udiff"), at + "udiff");
                assertEquals(c >= d ? 1 : 0, sim.peekLong("ge"), at + "ge");
            }
        }
    }
}
