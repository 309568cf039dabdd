package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.SimOptions;
import defernorm.hdl.emit.VerilogFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A design that calls $finish, $stop or $fatal ends its simulation with one clear error naming the
 * Verilog line, in the same words in both modes; in-process, the JVM lives on (this test would not
 * finish otherwise) and other simulations are unaffected.
 */
class ModelStopsTest {
    @TempDir Path work;

    private static final String VERILOG = """
            module Stops(input wire [15:0] a, output wire [15:0] y);
              assign y = a ^ 16'd5;
              always @* begin
                if (a == 16'd7) $finish;
                if (a == 16'd9) $stop;
                if (a == 16'd11) $fatal(1, "a is eleven");
              end
            endmodule
            """;

    @ParameterizedTest(name = "a={0}, isolated={1}")
    @CsvSource({
        "7, false, the design called $finish at Stops.v:4",
        "9, false, the design called $stop or failed an assertion at Stops.v:5",
        "11, false, Stops.v:6",
        "7, true, the design called $finish at Stops.v:4",
        "11, true, Stops.v:6",
    })
    void aStoppingDesignIsOneErrorAndTheSessionEnds(int a, boolean isolated, String expected) {
        TestDesigns.assumeVerilator();
        SimOptions o = TestDesigns.options(work).withIsolation(isolated);
        try (VerilatorSimulation sim = new VerilatorSimulation(TestDesigns.xorWith("Stops", 5),
                List.of(new VerilogFile("Stops.v", VERILOG)), o);
             VerilatorSimulation bystander = new VerilatorSimulation(TestDesigns.xorWith("Stops", 5),
                List.of(new VerilogFile("Stops.v", VERILOG)), o)) {
            sim.poke("a", 1);
            assertEquals(4, sim.peekLong("y"));
            sim.poke("a", a);
            VerilatorException e = assertThrows(VerilatorException.class, () -> sim.peekLong("y"));
            assertTrue(e.getMessage().startsWith("The Verilator model of Stops stopped while peeking y: "), e.getMessage());
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            IllegalStateException later = assertThrows(IllegalStateException.class, () -> sim.peekLong("y"));
            assertTrue(later.getMessage().contains("ended after an earlier error"), later.getMessage());
            bystander.poke("a", 2);
            assertEquals(7, bystander.peekLong("y"));
        }
    }
}
