package defernorm.cosim.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.cosim.random.RandomStimulus;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.hdl.ir.Design;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every design the fuzz campaign ever minimized (src/test/resources/fuzz-reproducers) now runs on Verilator
 * and Icarus and agrees with the built-in engine, whichever tool it once tripped.
 */
class ReproducersReplayTest {
    static final Path DIR = Path.of("src", "test", "resources", "fuzz-reproducers");

    @TempDir Path work;

    @Test
    void everySavedReproducerAgreesOnAllThreeSimulators() throws IOException {
        Assumptions.assumeTrue(ToolChecks.skipReason(Tool.VERILATOR, Tool.IVERILOG).isEmpty(),
                () -> ToolChecks.skipReason(Tool.VERILATOR, Tool.IVERILOG).orElse(""));
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(Reproducer.EXTENSION)).sorted().toList();
        }
        Engines engines = new Engines(work);
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            Reproducer r = Reproducer.read(f);
            Design d = r.design();
            RandomStimulus stim = r.stimulus(d);
            BigInteger[][] ref = Engines.builtin(d, stim);
            for (String tool : List.of(Engines.VERILATOR, Engines.ICARUS)) {
                Outcome o = engines.compare(tool, d, stim, ref);
                if (o.failed()) failures.add(f.getFileName() + ": " + o.summary());
            }
        }
        assertEquals(List.of(), failures);
    }
}
