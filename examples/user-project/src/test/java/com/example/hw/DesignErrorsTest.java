package com.example.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.hdl.Elaborator;
import defernorm.hdl.HdlException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mistakes are reported all at once, one per line, each at the line of your code that made it. */
class DesignErrorsTest {
    @Test
    void everyMistakeIsReportedAtItsLine() {
        HdlException e = assertThrows(HdlException.class, () -> Elaborator.elaborate(new BrokenFir()));
        List<String> lines = e.getMessage().lines().toList();
        List<String> expected = List.of(
                "BrokenFir.java:13: constant 200 does not fit SInt(8)",
                "BrokenFir.java:14: times mixes SInt(8) and UInt(1)",
                "BrokenFir.java:15: setting output 'out_data'",
                "BrokenFir.java:16: output 'out_valid' is never set");
        assertEquals(expected.size(), lines.size(), e.getMessage());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(lines.get(i).startsWith(expected.get(i)), "line " + i + " of:\n" + e.getMessage());
        }
    }
}
