package defernorm.cosim.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.random.Gene;
import defernorm.cosim.random.Genome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reproducer survives the round trip through its file, and a damaged file is named with its line. */
class ReproducerTest {
    @TempDir Path dir;

    @Test
    void roundTripsThroughItsFile() throws IOException {
        Reproducer r = new Reproducer(new Genome(List.of(new Gene(3, 12, 1, 2, 3), new Gene(13, 0, 0, 0, 1)),
                List.of(new Gene(2, 0, 0, 0, 0))), 7, 50, "verilator", "verilator disagree: cycle 3\nfound as design 9");
        Path file = r.write(dir, Outcome.Kind.DISAGREE);
        assertTrue(file.getFileName().toString().startsWith("verilator-disagree-"));
        assertEquals(r, Reproducer.read(file));
        assertEquals("fuzz_top", Reproducer.read(file).design().top());
    }

    @Test
    void aDamagedFileIsNamedWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.repro"), "tool icarus\nseed 1\ncycles 10\ntop 1 2 x 4 5\n");
        IOException e = assertThrows(IOException.class, () -> Reproducer.read(file));
        assertTrue(e.getMessage().contains("bad.repro:4"), e.getMessage());
    }
}
