package defernorm.hdl.emit;

import defernorm.hdl.ir.Design;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Writes docs/examples.md when run with {@code -Dgolden.update=true}; otherwise checks that the rendered
 * doc shows every example's Java source and Verilog (the committed file is regenerated, not compared, so
 * editing a comment in an example does not fail the build).
 */
class ExamplesDocTest {

    @Test
    void docShowsEveryExampleWithItsSourceAndVerilog() throws Exception {
        Map<String, Design> examples = TestDesigns.examples();
        assumeFalse(examples.isEmpty(), "defernorm.examples.AllExamples is not there yet");
        String md = ExamplesDoc.render(examples, Golden.moduleDir());
        for (Design d : examples.values()) assertTrue(md.contains("### Verilog (`" + d.top() + ".v`)"), d.top());
        assertTrue(md.contains("extends Component"), "the Java sources are included");
        assertFalse(md.contains("source file not found"), "every example's Java file is found");
        if (Golden.updating()) {
            Path doc = Golden.moduleDir().resolve("../../docs/examples.md").normalize();   // hdl/language -> the repository
            Files.createDirectories(doc.getParent());
            Files.writeString(doc, md, StandardCharsets.UTF_8);
        }
    }
}
