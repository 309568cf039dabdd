package defernorm.hdl.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden-file comparison against {@code src/test/resources/golden/<name>}. Run with
 * {@code -Dgolden.update=true} to rewrite the files from the current output (then review the git diff).
 */
final class Golden {
    private Golden() {}

    /** The module's base directory (surefire runs tests there; fall back for IDE runs from the repo root). */
    static Path moduleDir() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("src/test/resources")) ? here : here.resolve("hdl/language");
    }

    static Path goldenDir() { return moduleDir().resolve("src/test/resources/golden"); }

    static boolean updating() { return Boolean.getBoolean("golden.update"); }

    static void check(String fileName, String actual) throws IOException {
        Path p = goldenDir().resolve(fileName);
        if (updating()) {
            Files.createDirectories(p.getParent());
            Files.writeString(p, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(p)) {
            fail("no golden file " + p + "; run the tests with -Dgolden.update=true to create it");
        }
        String expected = Files.readString(p, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("emitted " + fileName + " differs from its golden file (rerun with -Dgolden.update=true "
                    + "if the change is intended):\n" + UnifiedDiff.diff("golden/" + fileName, expected, "emitted/" + fileName, actual));
        }
    }
}
