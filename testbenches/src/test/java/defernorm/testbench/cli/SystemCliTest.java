package defernorm.testbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system options of cosim and generate (docs/system.md): bad input is one sentence, good input works. */
class SystemCliTest {
    private static void assertBadInput(CliRun r, String sentence) {
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.oneErrorLine(), () -> "expected one line on stderr, got:\n" + r.err());
        assertEquals("defernorm: " + sentence, r.err().strip());
    }

    @Test
    void badSystemsAreOneSentenceNamingTheRule() {
        assertBadInput(CliRun.of("cosim", "--op", "rmsnorm", "--variant", "deferred", "-n", "24", "-P", "4", "--tiles", "4"),
                "T·P must divide n: 4 tiles of P=4 lanes need n to be a multiple of 16, got n=24.");
        assertBadInput(CliRun.of("cosim", "--op", "rmsnorm", "--variant", "deferred", "--tiles", "2", "--hop-latency", "-1"),
                "the hop latency H must be between 0 and 1000 cycles, got -1.");
        assertBadInput(CliRun.of("generate", "--op", "rmsnorm", "--variant", "deferred", "--tiles", "2", "--topology", "mesh"),
                "unknown topology 'mesh': use ring or tree.");
        assertBadInput(CliRun.of("generate", "--op", "rmsnorm", "--variant", "deferred", "--tiles", "17"),
                "the number of tiles T must be between 1 and 16, got 17.");
        assertBadInput(CliRun.of("generate", "--op", "rmsnorm", "--variant", "deferred", "-P", "4", "--tiles", "2", "-C", "3"),
                "C must be 0 when T > 1 (the reduction network is the collective), got C=3.");
    }

    @Test
    void cosimOfASystemPrintsItsMeasuredLatency() {
        CliRun r = CliRun.of("cosim", "--op", "softmax", "--variant", "deferred", "-n", "32", "-m", "8", "-P", "4", "-Q", "4",
                "--tiles", "2", "--topology", "tree", "--hop-latency", "3", "--tokens", "4", "--engine", "builtin");
        assertEquals(ExitCodes.PASS, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("PASS SoftmaxDeferred_n32_m8_P4_Q4_T2_tree_H3_L64"), r.out());
        assertTrue(r.out().contains("measured latency "), r.out());
    }

    @Test
    void generateWritesTheSystemAndItsSidecar(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("generate", "--op", "layernorm", "--variant", "standard", "-n", "32", "-m", "8", "-P", "4", "-Q", "4",
                "--tiles", "4", "--topology", "ring", "--hop-latency", "2", "-o", dir.toString());
        assertEquals(ExitCodes.PASS, r.code(), r.err());
        String top = "LayerNormStandard_n32_m8_P4_Q4_T4_ring_H2_L64";
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve(top).resolve(top + ".json")));
        assertEquals(4, json.path("system").path("tiles").asInt());
        assertEquals(4 + 2 * 3 * 2, json.path("system").path("collectiveCycles").asInt());
        assertEquals(4 + 3 * 2, json.path("system").path("outputReduceCycles").asInt());
        assertEquals(16, json.path("streams").path("s_axis").path("lanes").asInt());
        assertEquals(4 + 2 * 3 * 2, json.path("timing").path("pipelineDepths").path("collective").asInt());
    }
}
