package defernorm.hdl;

import static defernorm.hdl.Expect.at;
import static defernorm.hdl.Expect.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.hdl.ir.Type;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Warnings reach the user by default (stderr, once each, at the line); a caller can take them instead. */
class WarningsTest {
    private static final String F = "WarningsTest.java";
    private final int[] l = new int[1];

    private Component spare() {
        return new Component("Spare") {{
            Signal a = input("a", Type.uint(4));
            l[0] = line(); input("spare", Type.bool());
            output("y", Type.uint(4)).set(a);
        }};
    }

    @Test void elaboratePrintsEachWarningToStandardError() {
        Component m = spare();
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Elaborator.elaborate(m);
        } finally {
            System.setErr(saved);
        }
        assertEquals(at(F, l[0]) + "warning: input 'spare' of module 'Spare' is never used." + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test void aCallerCanCollectOrDropThem() {
        List<Diagnostic> got = new ArrayList<>();
        Elaborator.elaborate(spare(), got::add);
        assertEquals(List.of(at(F, l[0]) + "warning: input 'spare' of module 'Spare' is never used."),
                got.stream().map(Diagnostic::toString).toList());
        assertEquals(1, Elaborator.elaborateWithWarnings(spare()).warnings().size());
    }
}
