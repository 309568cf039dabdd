package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.hdl.callers.StubLibrary;
import defernorm.hdl.ir.SourceLoc;
import org.junit.jupiter.api.Test;

/** Libraries on top of the HDL name their caller's line through SourceLocator.callerOutside. */
class CallerOutsideTest {
    @Test
    void aLibrarysOwnFramesAreSkipped() {
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        SourceLoc at = StubLibrary.whoCalledMe().orElseThrow();
        assertEquals(new SourceLoc("CallerOutsideTest.java", line), at);
    }

    @Test
    void withoutTheLibraryItsFrameIsTheCaller() {
        assertEquals("StubLibrary.java", StubLibrary.withoutSkipping().orElseThrow().file());
    }
}
