package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class StructureHashTest {
    /** Temporaries' names are printed from this hash: a change to it renames every temporary, so it is pinned. */
    @Test void theHashIsFixedByTheCodeAlone() {
        assertEquals(0x1ffcL, new StructureHash().add("add").add(9).add(0).add('n').add("count_q").add('h').add(42L).value() >>> 48,
                "changing StructureHash renames every temporary in every emitted design; update the golden files with it");
    }

    @Test void boundariesBetweenValuesCount() {
        assertNotEquals(new StructureHash().add("ab").value(), new StructureHash().add("a").add("b").value());
        assertNotEquals(new StructureHash().add(new byte[] {1}).value(), new StructureHash().add(new byte[] {0, 1}).value());
        assertNotEquals(new StructureHash().add(1).add(2).value(), new StructureHash().add(2).add(1).value());
        assertNotEquals(new StructureHash().value(), new StructureHash().add(0).value());
    }
}
