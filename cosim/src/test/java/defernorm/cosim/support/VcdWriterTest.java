package defernorm.cosim.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class VcdWriterTest {
    @Test
    void writesNestedScopesAndOnlyChangedValues() {
        StringWriter out = new StringWriter();
        try (VcdWriter vcd = new VcdWriter(out)) {
            int clk = vcd.addVar(List.of("TOP"), "clk", 1);
            int q = vcd.addVar(List.of("TOP", "top", "u"), "q", 3);
            int w = vcd.addVar(List.of("TOP", "top"), "w", 66);
            vcd.time(0);
            vcd.value(clk, 0);
            vcd.value(q, 5);
            vcd.value(w, new long[] {1, 2}, 0);
            vcd.time(5);
            vcd.value(clk, 1);
            vcd.value(q, 5);
            vcd.value(w, new long[] {1, 2}, 0);
            assertThrows(IllegalStateException.class, () -> vcd.addVar(List.of("TOP"), "late", 1));
            assertThrows(IllegalArgumentException.class, () -> vcd.time(4));
        }
        assertEquals("""
                $version defernorm $end
                $timescale 1ns $end
                $scope module TOP $end
                $var wire 1 ! clk $end
                $scope module top $end
                $var wire 66 # w [65:0] $end
                $scope module u $end
                $var wire 3 " q [2:0] $end
                $upscope $end
                $upscope $end
                $upscope $end
                $enddefinitions $end
                #0
                0!
                b101 "
                b100000000000000000000000000000000000000000000000000000000000000001 #
                #5
                1!
                """, out.toString());
    }
}
