package defernorm.hdl.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.hdl.ir.Check;
import defernorm.hdl.ir.SourceLoc;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulation-only Verilog of assertions and cover points, and reading a failure back from its line. */
class CheckBlockTest {
    private static final SourceLoc AT = new SourceLoc("Fifo.java", 31);

    @Test void emitsGuardedChecksInsideIfndefSynthesis() {
        List<String> lines = CheckBlock.lines(List.of(
                new Check(Check.Kind.ASSERT, "_assert_0", "ok", "push", "push into a full FIFO", AT),
                new Check(Check.Kind.COVER, "full", "is_full", null, "full", AT)), false);
        assertEquals(List.of(
                "`ifndef SYNTHESIS",
                "reg [63:0] _dn_cycle;",
                "reg [63:0] _cover_full;",
                "initial begin",
                "    _dn_cycle = 64'd0;",
                "    _cover_full = 64'd0;",
                "end",
                "always @(posedge clk) begin",
                "    _dn_cycle <= _dn_cycle + 64'd1;",
                "    if (!rst && push && !ok) $fatal(1, \"Assertion failed in cycle %0d at Fifo.java:31: push into a full FIFO\", _dn_cycle);",
                "    if (!rst && is_full) _cover_full <= _cover_full + 64'd1;",
                "end",
                "`endif"), lines);
    }

    @Test void aMessageWithQuotesAndPercentSignsReadsBackExactly() {
        Check c = new Check(Check.Kind.ASSERT, "_assert_0", "ok", null, "100% \"full\" \\ done", AT);
        String line = CheckBlock.lines(List.of(c), false).stream().filter(CheckBlock::isAssertionLine).findFirst().orElseThrow();
        assertEquals(c.failure(42), CheckBlock.failureFromLine(line, 42));
    }

    @Test void aUsersOwnFatalIsNotOneOfOurs() {
        assertFalse(CheckBlock.isAssertionLine("    always @(posedge clk) if (a == 11) $fatal(1, \"a is eleven\");"));
        assertTrue(CheckBlock.isAssertionLine("if (x) $fatal(1, \"Assertion failed in cycle %0d at A.java:1: m\", _dn_cycle);"));
    }
}
