package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Test helpers: the caller's line, and whole-message assertions on elaboration failures. */
final class Expect {
    private Expect() {}

    /** The source line of the call; put it on the same line as the call whose location a message names. */
    static int line() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow().getLineNumber();
    }

    /** {@code File.java:line: } for a line of the calling test file. */
    static String at(String file, int line) { return file + ":" + line + ": "; }

    /** Elaborating {@code m} fails with exactly these lines as its message. */
    static HdlException errors(Component m, String... lines) {
        HdlException e = assertThrows(HdlException.class, () -> Elaborator.elaborate(m));
        assertEquals(String.join("\n", lines), e.getMessage());
        return e;
    }
}
