package defernorm.eda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tools write their temporaries into the private scratch directory, which goes away as a whole. */
class ScratchSpaceTest {
    @Test
    void toolsGetTheScratchDirAsTmpdirAndItIsDeletedWithWhatTheyLeft() throws IOException {
        Path dir = ScratchSpace.dir();
        ProcessRunner.Outcome o = ProcessRunner.run(List.of("sh", "-c", "mkdir \"$TMPDIR/yosys-abc-1\" && echo \"$TMPDIR\""),
                Path.of("."), Duration.ofSeconds(30));
        assertEquals(0, o.exitCode(), o.output());
        assertEquals(dir.toString(), o.output().strip());
        assertTrue(Files.isDirectory(dir.resolve("yosys-abc-1")));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("yosys-abc-1")), left.toList(), "the runner's own log is already gone");
        }
        ScratchSpace.delete();
        assertFalse(Files.exists(dir));
    }
}
