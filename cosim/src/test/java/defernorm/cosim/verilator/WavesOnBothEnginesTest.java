package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The VCD layout both engines share: nanoseconds, one identifier code per net (a port inside and outside
 * its module, {@code clk} in every scope: declared under each name with the same code, never twice in one
 * scope), and compiler temporaries ({@code _add_…}) never among the named nets.
 */
class WavesOnBothEnginesTest {
    private static final SourceLoc L = new SourceLoc("WavesOnBothEnginesTest.java", 1);

    @TempDir Path work;

    /** {@code Temps}: a registered sum through a temporary named as the HDL's net namer names them. */
    private static Design design() {
        ModuleIr top = new ModuleIr("Temps", List.of(
                new Node.Input("a", Type.uint(8), L),
                new Node.Input("b", Type.uint(8), L),
                new Node.Output("y", Type.uint(9), "y_q", L),
                new Node.Binary("_add_1f2e", Type.uint(9), Node.BinaryOp.ADD, "a", "b", L),
                new Node.Reg("y_q", Type.uint(9), "_add_1f2e", null, BigInteger.ZERO, L)),
                List.of(), List.of(), List.of(), L);
        return new Design("Temps", List.of(top));
    }

    private record Decl(List<String> scope, String name, String id) {}

    @ParameterizedTest
    @EnumSource(Engine.class)
    void oneIdentifierPerNetAndTemporariesApart(Engine engine) throws Exception {
        if (engine == Engine.VERILATOR) TestDesigns.assumeVerilator();
        SimOptions opts = engine == Engine.BUILTIN ? SimOptions.builtin() : TestDesigns.options(work).withWaves(true);
        for (Design d : List.of(design(), TestDesigns.widget())) {
            Path vcd = work.resolve(engine + "-" + d.top() + ".vcd");
            try (Simulation sim = Simulations.open(d, opts)) {
                sim.reset();
                sim.startWaves(vcd);
                sim.step(3);
                sim.stopWaves();
            }
            String text = Files.readString(vcd);
            assertTrue(text.matches("(?s).*\\$timescale\\s+1\\s*ns\\s+\\$end.*"), engine + ": nanoseconds");
            List<Decl> decls = declarations(text);
            Set<String> seen = new HashSet<>();
            for (Decl x : decls) {
                assertTrue(seen.add(x.scope() + "." + x.name()), engine + ": " + x.name() + " declared twice in " + x.scope());
                if (x.name().startsWith("_")) {
                    assertEquals("_temporaries", x.scope().getLast(), engine + ": temporary " + x.name() + " among the named nets");
                }
            }
            Map<String, String> idOf = new HashMap<>();
            for (Decl x : decls) idOf.put(String.join(".", x.scope()) + "." + x.name(), x.id());
            String inner = "TOP." + d.top() + ".";
            String port = d.top().equals("Temps") ? "a" : "en";
            assertEquals(idOf.get("TOP." + port), idOf.get(inner + port), engine + ": port " + port + " inside and outside its module");
            assertEquals(idOf.get("TOP.clk"), idOf.get(inner + "clk"), engine + ": one clock");
        }
    }

    private static List<Decl> declarations(String vcd) {
        List<Decl> out = new ArrayList<>();
        List<String> scope = new ArrayList<>();
        for (String line : vcd.split("\n")) {
            String[] t = line.trim().split("\\s+");
            if (t[0].equals("$enddefinitions")) break;
            if (t[0].equals("$scope")) scope.add(t[2]);
            else if (t[0].equals("$upscope")) scope.removeLast();
            else if (t[0].equals("$var")) out.add(new Decl(List.copyOf(scope), t[4], t[3]));
        }
        return out;
    }
}
