package defernorm.testbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes that are legal one parameter at a time but too large as a whole are refused before anything is
 * generated or simulated: one sentence naming the limit and why, exit code 2, nothing written.
 */
class ParameterBoundsTest {
    private static void assertRefused(CliRun r, String limit, Path out) throws Exception {
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.oneErrorLine(), r.err());
        assertTrue(r.err().contains(limit), () -> "expected '" + limit + "' in: " + r.err());
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "nothing may be generated before the refusal");
        }
    }

    @Test
    void theLargestLegalNAndMAreRefusedByTheWeightMemoryBound(@TempDir Path out) throws Exception {
        // n and m are each at their maximum and P·Q = 4096 MACs is allowed: only n·m (1 Gi weights) is too large
        assertRefused(CliRun.of("generate", "--op", "rmsnorm", "--variant", "deferred", "-n", "16384", "-m", "65536",
                "-P", "64", "-Q", "64", "-o", out.toString()), "n·m must be at most 134217728 weights", out);
    }

    @Test
    void theIssueShapeIsRefusedByTheLaneBound(@TempDir Path out) throws Exception {
        assertRefused(CliRun.of("generate", "--op", "rmsnorm", "--variant", "deferred", "-m", "65536", "-Q", "65536",
                "-o", out.toString()), "Q must be at most 256 output lanes", out);
    }

    @Test
    void runChecksEveryTopBeforeGeneratingAny(@TempDir Path out) throws Exception {
        assertRefused(CliRun.of("run", "-n", "8192", "-m", "32768", "-P", "64", "-Q", "64", "--no-progress", "-o", out.toString()),
                "128 MiB of int8 weight memory", out);
    }

    @Test
    void aLargeLegalShapeStillGenerates(@TempDir Path out) {
        CliRun r = CliRun.of("generate", "--op", "rmsnorm", "--variant", "deferred", "-n", "4096", "-m", "4096",
                "-P", "32", "-Q", "32", "-o", out.toString());
        assertEquals(ExitCodes.PASS, r.code(), r.err());
    }
}
