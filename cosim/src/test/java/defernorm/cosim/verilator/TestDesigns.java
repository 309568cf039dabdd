package defernorm.cosim.verilator;

import defernorm.eda.ToolChecks;
import defernorm.eda.Tool;
import defernorm.cosim.SimOptions;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Small hand-made designs (IR records) and options shared by the Verilator engine's tests. */
final class TestDesigns {
    private static final SourceLoc L = new SourceLoc("TestDesigns.java", 1);

    private TestDesigns() {}

    /** Skips the test when Verilator is missing, unless CI=true (then it must be there). */
    static void assumeVerilator() {
        ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
    }

    /** Options using the shared cache (so the runtime library and models are reused across runs); in-process. */
    static SimOptions options(Path workDir) {
        return SimOptions.verilator().withWorkDir(workDir).withTimeout(Duration.ofSeconds(30));
    }

    /** As {@link #options}, in the isolated (child-process) mode. */
    static SimOptions isolated(Path workDir) { return options(workDir).withIsolation(true); }

    /**
     * {@code Widget}: a counter with enable ({@code count}, 8 bits, debug net {@code next_count}), a signed
     * pass-through register ({@code s_in} -> {@code s_out}, SInt(12), one cycle later), a 100-bit
     * combinational pass-through ({@code wide_in} -> {@code wide_out}) and a child {@code u_dbl} that
     * doubles {@code a} ({@code dbl}, with debug net {@code u_dbl.twice}).
     */
    static Design widget() {
        ModuleIr doubler = new ModuleIr("Doubler", List.of(
                new Node.Input("a", Type.uint(8), L),
                new Node.Output("y", Type.uint(9), "twice", L),
                new Node.Binary("twice", Type.uint(9), Node.BinaryOp.ADD, "a", "a", L)),
                List.of(), List.of(), List.of("twice"), L);
        ModuleIr widget = new ModuleIr("Widget", List.of(
                new Node.Input("en", Type.bool(), L),
                new Node.Input("s_in", Type.sint(12), L),
                new Node.Input("wide_in", Type.uint(100), L),
                new Node.Input("a", Type.uint(8), L),
                new Node.Output("count", Type.uint(8), "count_q", L),
                new Node.Output("s_out", Type.sint(12), "s_q", L),
                new Node.Output("wide_out", Type.uint(100), "wide_in", L),
                new Node.Output("dbl", Type.uint(9), "u_dbl_y", L),
                new Node.Const("one", Type.uint(8), BigInteger.ONE, L),
                new Node.Binary("inc", Type.uint(9), Node.BinaryOp.ADD, "count_q", "one", L),
                new Node.Resize("next_count", Type.uint(8), "inc", L),
                new Node.Reg("count_q", Type.uint(8), "next_count", "en", BigInteger.ZERO, L),
                new Node.Reg("s_q", Type.sint(12), "s_in", null, BigInteger.ZERO, L),
                new Node.InstanceOut("u_dbl_y", Type.uint(9), "u_dbl", "y", L)),
                List.of(), List.of(new Instance("u_dbl", "Doubler", List.of(new Instance.Connection("a", "a")), L)),
                List.of("next_count"), L);
        return new Design("Widget", List.of(doubler, widget));
    }

    /** A purely combinational design named {@code name}: {@code y = a ^ k} for a constant k (vary k for a fresh cache key). */
    static Design xorWith(String name, long k) {
        ModuleIr m = new ModuleIr(name, List.of(
                new Node.Input("a", Type.uint(16), L),
                new Node.Output("y", Type.uint(16), "x", L),
                new Node.Const("k", Type.uint(16), BigInteger.valueOf(k & 0xFFFF), L),
                new Node.Binary("x", Type.uint(16), Node.BinaryOp.XOR, "a", "k", L)),
                List.of(), List.of(), List.of(), L);
        return new Design(name, List.of(m));
    }
}
