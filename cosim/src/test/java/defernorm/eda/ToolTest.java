package defernorm.eda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one tool locator and the one process runner. */
class ToolTest {
    @Test
    void theVerilatorPropertyNamesTheExecutableAndTheMessageSaysWhereItCameFrom() {
        String old = System.getProperty("defernorm.verilator");
        System.setProperty("defernorm.verilator", "/nonexistent/verilator");
        try {
            assertEquals("/nonexistent/verilator", Tool.VERILATOR.executable());
            assertFalse(Tool.VERILATOR.isInstalled());
            assertTrue(Tool.VERILATOR.installed().isEmpty());
            assertEquals("verilator is not installed ('/nonexistent/verilator', named by -Ddefernorm.verilator, does not exist "
                    + "or does not run); install it with 'sudo apt-get install -y verilator'.", Tool.VERILATOR.missingMessage().orElseThrow());
        } finally {
            if (old == null) System.clearProperty("defernorm.verilator");
            else System.setProperty("defernorm.verilator", old);
        }
    }

    @Test
    void anInstalledToolReportsItsVersion() {
        ToolAssume.installed(Tool.VERILATOR, Tool.IVERILOG);
        assertTrue(Tool.VERILATOR.installed().orElseThrow().versionLine().startsWith("Verilator "));
        assertTrue(Tool.IVERILOG.installed().orElseThrow().versionLine().startsWith("Icarus Verilog"));
        assertTrue(Tool.VVP.installed().isPresent());
    }

    @Test
    void aCommandThatCannotStartSaysSoWithoutThrowing() {
        ProcessRunner.Outcome o = ProcessRunner.run(List.of("/nonexistent/tool", "-V"), Path.of("."), Duration.ofSeconds(10));
        assertFalse(o.started());
        assertFalse(o.ok());
        assertTrue(o.output().startsWith("could not run /nonexistent/tool -V"), o.output());
    }

    @Test
    void aCommandsExitCodeAndOutputComeBack() {
        ProcessRunner.Outcome o = ProcessRunner.run(List.of("sh", "-c", "echo hi; exit 3"), Path.of("."), Duration.ofSeconds(10));
        assertTrue(o.started());
        assertFalse(o.ok());
        assertEquals(3, o.exitCode());
        assertEquals("hi", o.output().strip());
    }
}
