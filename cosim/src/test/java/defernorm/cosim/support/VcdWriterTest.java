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

    @Test
    void anAliasSharesItsVariablesCodeAndIsWrittenOnce() {
        StringWriter out = new StringWriter();
        try (VcdWriter vcd = new VcdWriter(out)) {
            int a = vcd.addVar(List.of("TOP"), "a", 1);
            vcd.addAlias(List.of("TOP", "top"), "a", a);
            vcd.time(0);
            vcd.value(a, 1);
        }
        assertEquals("""
                $version defernorm $end
                $timescale 1ns $end
                $scope module TOP $end
                $var wire 1 ! a $end
                $scope module top $end
                $var wire 1 ! a $end
                $upscope $end
                $upscope $end
                $enddefinitions $end
                #0
                1!
                """, out.toString());
    }

    @Test
    void wideValuesAreEveryBitMostSignificantFirst() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int[] widths = {2, 3, 4, 5, 63, 64, 65, 67, 128, 130, 255, 8192};
        StringWriter out = new StringWriter();
        StringBuilder expected = new StringBuilder();
        try (VcdWriter vcd = new VcdWriter(out)) {
            for (int w : widths) vcd.addVar(List.of("TOP"), "v" + w, w);
            vcd.time(0);
            for (int i = 0; i < widths.length; i++) {
                long[] words = new long[(widths[i] + 63) / 64];
                for (int k = 0; k < words.length; k++) words[k] = rnd.nextLong();
                if (widths[i] <= 64) vcd.value(i, words[0]); else vcd.value(i, words, 0);
                StringBuilder bits = new StringBuilder("b");   // the definition: bit width-1 down to bit 0
                for (int bit = widths[i] - 1; bit >= 0; bit--) bits.append((words[bit / 64] >>> (bit % 64) & 1) == 0 ? '0' : '1');
                expected.append(bits).append(' ').append((char) ('!' + i)).append('\n');
            }
        }
        String text = out.toString();
        assertEquals(expected.toString(), text.substring(text.indexOf("#0\n") + 3));
    }
}
