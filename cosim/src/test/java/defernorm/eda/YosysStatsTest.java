package defernorm.eda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Yosys 0.23's {@code stat -json} reports, as {@link ToolChecks#yosysSynth} writes them, read into {@link SynthStats}. */
class YosysStatsTest {
    private static final String BEFORE = """
            { "creator": "Yosys 0.23", "invocation": "stat -json -width ",
              "modules": { "\\\\t": { "num_cells": 3, "num_cells_by_type": { "$dff_8": 1, "$macc": 1, "$mem_v2": 1 } } },
              "design": { "num_cells": 3, "num_cells_by_type": { "$dff_8": 1, "$macc": 1, "$mem_v2": 1 } } }
            """;
    private static final String AFTER = """
            { "creator": "Yosys 0.23", "invocation": "stat -json ",
              "modules": { "\\\\t": { "num_cells": 50, "num_cells_by_type": { "$_DFFE_PP_": 32, "$_DFF_P_": 8, "$_XOR_": 10 } } },
              "design": { "num_cells": 50, "num_cells_by_type": { "$_DFFE_PP_": 32, "$_DFF_P_": 8, "$_XOR_": 10 } } }
            """;

    @Test
    void gateLevelCountsComeFromTheDesignTotals() {
        SynthStats s = YosysStats.parse(BEFORE, AFTER);
        assertEquals(50, s.cells());
        assertEquals(40, s.flipFlops());
        assertEquals(1, s.memories());
        assertEquals(0, s.latches());
        assertEquals(10, s.cellsByType().get("$_XOR_"));
    }

    @Test
    void wordLevelFlipFlopsCountInBits() {
        SynthStats s = YosysStats.parse(BEFORE, BEFORE);
        assertEquals(3, s.cells());
        assertEquals(8, s.flipFlops());
    }

    @Test
    void anEmptyDesignHasNoCells() {
        // Yosys 0.23's exact output for a design with nothing left: note the trailing comma.
        String empty = "{\n   \"creator\": \"Yosys 0.23\",\n   \"invocation\": \"stat -json -width \",\n   \"modules\": {\n\n   },\n\n}\n";
        SynthStats s = YosysStats.parse(empty, empty);
        assertEquals(0, s.cells());
        assertEquals(0, s.flipFlops());
    }
}
