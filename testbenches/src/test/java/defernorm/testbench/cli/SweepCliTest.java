package defernorm.testbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code sweep} and {@code sweep merge} on a tiny grid (built-in engine), and their bad input. */
class SweepCliTest {
    private static final String[] TINY = {"--ops", "rmsnorm", "--tiles", "1", "--topology", "ring,tree", "--hop-latency", "1",
            "-n", "16", "-m", "8", "-P", "2", "-Q", "4", "--tokens", "2", "--no-progress"};

    private static String[] args(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length + 1];
        all[0] = "sweep";
        System.arraycopy(head, 0, all, 1, head.length);
        System.arraycopy(tail, 0, all, 1 + head.length, tail.length);
        return all;
    }

    private static void assertBadInput(CliRun r, String sentence) {
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.oneErrorLine(), r.err());
        assertTrue(r.err().contains(sentence), () -> "expected '" + sentence + "' in: " + r.err());
    }

    @Test
    void sweepsShardsAndMergesATinyGrid(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole.jsonl");
        CliRun r = CliRun.of(args(TINY, "--out", whole.toString(), "--report", dir.toString()));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("6 points, slice 0/1 runs 6 of them"), r.out());
        assertTrue(r.out().contains("PASS"), r.out());
        List<String> lines = Files.readAllLines(whole);
        assertEquals(6, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("rmsnorm/standard/n16/m8/P2/Q4/ring/H1/T1", first.get("id").asText());
        assertEquals(first.get("predictedLatency"), first.get("latency"));
        assertTrue(first.get("passed").asBoolean());
        assertTrue(Files.readString(dir.resolve("system.html")).contains("<h2>System"));

        for (int i = 0; i < 2; i++) {
            CliRun s = CliRun.of(args(TINY, "--shard", i + "/2", "--jobs", "1", "--out", dir.resolve("s" + i + ".jsonl").toString()));
            assertEquals(0, s.code(), s.out() + s.err());
        }
        Path merged = dir.resolve("merged.jsonl");
        CliRun m = CliRun.of("sweep", "merge", dir.resolve("s1.jsonl").toString(), dir.resolve("s0.jsonl").toString(), "--out", merged.toString());
        assertEquals(0, m.code(), m.out() + m.err());
        assertEquals(Files.readString(whole), Files.readString(merged));

        assertBadInput(CliRun.of("sweep", "merge", dir.resolve("s1.jsonl").toString(), "--out", merged.toString()),
                "3 of the grid's 6 points are missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5/4", "0/0", "-1/4", "garbage"})
    void aBadShardIsOneSentence(String shard) {
        assertBadInput(CliRun.of(args(TINY, "--shard=" + shard)), "shard");
    }

    @Test
    void badGridsAreOneSentence() {
        assertBadInput(CliRun.of(args(TINY, "-n", "15")), "P must divide n");
        assertBadInput(CliRun.of("sweep", "--tiles", "1,1"), "--tiles lists 1 twice");
        assertBadInput(CliRun.of("sweep", "--topology", "mesh"), "mesh");
        assertBadInput(CliRun.of(args(TINY, "--jobs", "0")), "--jobs must be at least 1");
        assertBadInput(CliRun.of(args(TINY, "--shard", "1/2", "--report", "x")), "--report needs the whole grid");
    }

    @Test
    void sweepAndMergeHaveHelp() {
        assertTrue(CliRun.of("sweep", "--help").out().contains("--shard"));
        assertTrue(CliRun.of("sweep", "merge", "--help").out().contains("SLICE"));
    }
}
