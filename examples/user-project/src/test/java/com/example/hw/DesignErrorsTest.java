package com.example.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import defernorm.hdl.Elaborator;
import defernorm.hdl.HdlException;
import org.junit.jupiter.api.Test;

/** Mistakes are reported all at once, one per line, each at the line of your code that made it. */
class DesignErrorsTest {
    @Test
    void everyMistakeIsReportedAtItsLine() {
        HdlException e = assertThrows(HdlException.class, () -> Elaborator.elaborate(new BrokenFir()));
        // docs/guide.md shows this message; .ci/GuideSnippets.java checks that it still does.
        assertEquals(String.join("\n",
                "BrokenFir.java:13: constant 200 does not fit SInt(8) (range -128..127).",
                "BrokenFir.java:14: times mixes SInt(8) and UInt(1); convert one side with asSigned() or asUnsigned().",
                "BrokenFir.java:15: setting output 'out_data' needs the same width on both sides, but got SInt(8) and SInt(16); use resize, extend or truncate.",
                "BrokenFir.java:16: output 'out_valid' is never set, so it has no driver."),
                e.getMessage());
    }
}
