package defernorm.testbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliErrorTest {

    private static void assertBadInput(CliRun r, String mentions) {
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.oneErrorLine(), () -> "expected one line on stderr, got:\n" + r.err());
        assertTrue(r.err().startsWith("defernorm: "), r.err());
        assertTrue(r.err().contains(mentions), () -> "expected '" + mentions + "' in: " + r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "cosim", "eval", "run", ""})
    void everyCommandHasHelp(String command) {
        CliRun r = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: defernorm"), r.out());
        assertTrue(r.out().contains("--help"), r.out());
    }

    @Test
    void noCommandIsBadInput() {
        assertBadInput(CliRun.of(), "name a command");
    }

    @Test
    void anUnknownCommandIsBadInput() {
        assertBadInput(CliRun.of("simulate"), "simulate");
    }

    @Test
    void anUnknownOpIsOneLine() {
        assertBadInput(CliRun.of("generate", "--op", "groupnorm", "--variant", "deferred"), "groupnorm");
    }

    @Test
    void anUnknownVariantIsOneLine() {
        assertBadInput(CliRun.of("cosim", "--op", "rmsnorm", "--variant", "lazy"), "lazy");
    }

    @Test
    void opsAndVariantsAreCaseInsensitive() {
        // accepted by the parser: the failure, if any, is later (here: P does not divide n)
        assertBadInput(CliRun.of("generate", "--op", "RmsNorm", "--variant", "DEFERRED", "-n", "10", "-P", "4"), "P must divide n");
    }

    @Test
    void impossibleParametersNameTheRule() {
        assertBadInput(CliRun.of("generate", "--op", "rmsnorm", "--variant", "deferred", "-m", "30", "-Q", "4"), "Q must divide m");
        assertBadInput(CliRun.of("cosim", "--op", "softmax", "--variant", "standard", "-C", "-1"), "C (collective latency)");
        assertBadInput(CliRun.of("run", "-n", "0"), "n must be");
    }

    @Test
    void aNonNumberIsOneLine() {
        assertBadInput(CliRun.of("cosim", "--op", "rmsnorm", "--variant", "deferred", "-n", "many"), "many");
    }

    @Test
    void badFlowProbabilitiesAreOneLine() {
        assertBadInput(CliRun.of("cosim", "--op", "rmsnorm", "--variant", "deferred", "--output-ready", "0"), "probabilities");
    }

    @Test
    void isolatingTheBuiltInEngineIsOneLine() {
        assertBadInput(CliRun.of("cosim", "--op", "rmsnorm", "--variant", "deferred", "--engine", "builtin", "--isolate"),
                "--isolate needs the Verilator engine");
    }

    @Test
    void aMissingInputFileIsOneLine(@TempDir Path dir) {
        assertBadInput(CliRun.of("eval", "--input", dir.resolve("nope.json").toString(), "--output", dir.resolve("o.json").toString()),
                "does not exist");
    }

    @Test
    void evalNeedsBothFiles() {
        assertBadInput(CliRun.of("eval", "--input", "x.json"), "--output");
    }

    @Test
    void malformedJsonIsOneLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"op\": \"rmsnorm\", \"x\": [[1, 2,]");
        assertBadInput(eval(in, dir), "not valid JSON");
    }

    @Test
    void anUnknownOpInJsonIsOneLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"op\": \"batchnorm\", \"x\": [[1, 2]], \"weights\": [[1], [2]]}");
        assertBadInput(eval(in, dir), "unknown op \"batchnorm\"");
    }

    @Test
    void wrongShapesNameTheField(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"op\": \"rmsnorm\", \"x\": [[1, 2, 3, 4]], \"weights\": [[1, 2], [3, 4], [5, 6]]}");
        assertBadInput(eval(in, dir), "\"weights\" must have n = 4 rows, but has 3");
        Files.writeString(in, "{\"op\": \"layernorm\", \"x\": [[1, 2], [3]], \"weights\": [[1], [2]]}");
        assertBadInput(eval(in, dir), "\"x[1]\" must have the first row's length = 2 numbers, but has 1");
        Files.writeString(in, "{\"op\": \"rmsnorm\", \"x\": [[1, 2]], \"weights\": [[1], [2]], \"g\": [1]}");
        assertBadInput(eval(in, dir), "\"g\" must have n = 2 numbers");
        Files.writeString(in, "{\"op\": \"softmax\", \"scores\": [[1, \"a\"]], \"v\": [[1], [2]]}");
        assertBadInput(eval(in, dir), "\"scores[0][1]\" must be a number, not a string");
        Files.writeString(in, "{\"op\": \"softmax\", \"x\": [[1, 2]], \"v\": [[1], [2]]}");
        assertBadInput(eval(in, dir), "\"scores\" is missing");
        Files.writeString(in, "[1, 2]");
        assertBadInput(eval(in, dir), "must be a JSON object");
    }

    @Test
    void impossibleParametersInJsonAreOneLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"op\": \"rmsnorm\", \"x\": [[1, 2, 3, 4]], \"weights\": [[1], [2], [3], [4]], \"params\": {\"P\": 3}}");
        assertBadInput(eval(in, dir), "P must divide n");
        Files.writeString(in, "{\"op\": \"rmsnorm\", \"x\": [[1, 2, 3, 4]], \"weights\": [[1], [2], [3], [4]], \"params\": {\"n\": 8}}");
        assertBadInput(eval(in, dir), "params.n = 8 but the rows have n = 4");
    }

    @Test
    void anOutputThatIsAFolderIsRejectedBeforeSimulating(@TempDir Path dir) throws Exception {
        Path in = validInput(dir);
        Path folder = Files.createDirectory(dir.resolve("results"));
        CliRun r = CliRun.of("eval", "--input", in.toString(), "--output", folder.toString(), "--engine", "builtin");
        assertBadInput(r, folder.toString());
        assertTrue(r.err().contains("is a folder"), r.err());
        assertTrue(r.out().isEmpty(), () -> "nothing may run before the output is checked: " + r.out());
    }

    @Test
    void anOutputInAMissingFolderIsRejectedBeforeSimulating(@TempDir Path dir) throws Exception {
        Path in = validInput(dir);
        Path out = dir.resolve("no-such-folder").resolve("out.json");
        CliRun r = CliRun.of("eval", "--input", in.toString(), "--output", out.toString(), "--engine", "builtin");
        assertBadInput(r, out.toString());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertTrue(r.out().isEmpty(), () -> "nothing may run before the output is checked: " + r.out());
    }

    private static Path validInput(Path dir) throws Exception {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"op\": \"rmsnorm\", \"x\": [[1, 2, 3, 4]], \"weights\": [[1], [2], [3], [4]]}");
        return in;
    }

    @Test
    void absurdlyLargeInputsNameTheFieldAndIndex(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"op\": \"rmsnorm\", \"x\": [[1, 2, 3, 4], [1, 1e300, 3, 4]], \"weights\": [[1], [2], [3], [4]]}");
        assertBadInput(eval(in, dir), "\"x[1][1]\"");
        Files.writeString(in, "{\"op\": \"layernorm\", \"x\": [[1, 2, 3, 4]], \"weights\": [[1], [2], [3], [-1e200]]}");
        assertBadInput(eval(in, dir), "\"weights[3][0]\"");
        Files.writeString(in, "{\"op\": \"softmax\", \"scores\": [[1, 2]], \"v\": [[1], [2]], \"inScale\": 1e-300}");
        assertBadInput(eval(in, dir), "\"inScale\"");
        assertTrue(Files.notExists(dir.resolve("out.json")));
    }

    @Test
    void theOutputNeverHoldsNaNOrInfinity(@TempDir Path dir) throws Exception {
        // beyond and at the edge of the accepted range: either a finite document or one sentence and no file, never "NaN"
        for (String big : new String[] {"1e300", "1e30", "-1e30", "1e-30"}) {
            for (String op : new String[] {"rmsnorm", "layernorm"}) {
                Path in = dir.resolve("in.json");
                Path out = dir.resolve("out.json");
                Files.deleteIfExists(out);
                Files.writeString(in, "{\"op\": \"" + op + "\", \"x\": [[" + big + ", 2, 3, 4]], \"weights\": [[" + big + "], [2], [3], [" + big + "]],"
                        + " \"bias\": [" + big + "]}");
                CliRun r = eval(in, dir);
                if (r.code() == ExitCodes.BAD_INPUT) {
                    assertTrue(r.oneErrorLine(), r.err());
                    assertTrue(Files.notExists(out), r.err());
                } else {
                    String json = Files.readString(out);
                    assertTrue(!json.contains("NaN") && !json.contains("Infinity"), json);
                }
            }
        }
    }

    @Test
    void trailingGarbageAfterTheDocumentIsRejected(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.json");
        String valid = "{\"op\": \"rmsnorm\", \"x\": [[1, 2, 3, 4]], \"weights\": [[1], [2], [3], [4]]}";
        for (String garbage : new String[] {" }", "\n{\"op\": \"softmax\"}", " xyz", " [1]"}) {
            Files.writeString(in, valid + garbage);
            CliRun r = eval(in, dir);
            assertBadInput(r, "after the end of the JSON document");
            assertTrue(r.err().contains("line ") && r.err().contains("column "), r.err());
            assertNoJacksonNoise(r.err());
        }
    }

    @Test
    void jsonSyntaxErrorsAreOneCleanSentenceWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.json");
        String[] broken = {
            "{\"op\": \"rmsnorm\", \"x\": [[1, 2]",             // ends early (Jackson adds "start marker at [Source: ...]")
            "{\"op\": \"rmsnorm\", \"x\": [[1, NaN]]}",          // Jackson names a feature class
            "{\"op\": \"rmsnorm\",\n \"x\": [[1, 2,]]}",         // (code 93)
            "{op: \"rmsnorm\"}",
            "{\"op\": \"rms\nnorm\"}",
        };
        for (String json : broken) {
            Files.writeString(in, json);
            CliRun r = eval(in, dir);
            assertBadInput(r, "not valid JSON at line ");
            assertTrue(r.err().contains(", column "), r.err());
            assertNoJacksonNoise(r.err());
        }
    }

    private static void assertNoJacksonNoise(String err) {
        for (String noise : new String[] {"Source", "reference chain", "com.fasterxml", "jackson", "`", "(code ", "CTRL-CHAR", "JsonNode", "Feature"}) {
            assertTrue(!err.contains(noise), () -> "Jackson's noise '" + noise + "' in: " + err);
        }
    }

    @Test
    void runningOutOfMemoryIsOneSentenceAndExitTwo() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = ErrorReporting.report(new OutOfMemoryError("Java heap space"), "eval", new java.io.PrintWriter(err));
        assertEquals(ExitCodes.BAD_INPUT, code);
        CliRun r = new CliRun(code, "", err.toString());
        assertBadInput(r, "ran out of memory while running 'eval' (Java heap space");
        assertTrue(r.err().contains("DEFERNORM_JAVA_OPTS=-Xmx"), r.err());
        assertTrue(!r.err().contains("internal error") && !r.err().contains("OutOfMemoryError"), r.err());
    }

    @Test
    void runningOutOfMemoryOnAWorkerThreadIsReportedTheSameWay() {
        // e.g. a simulation or Yosys thread: the error arrives wrapped in an ExecutionException
        var wrapped = new java.util.concurrent.ExecutionException(new OutOfMemoryError("Metaspace"));
        String m = ErrorReporting.message(new RuntimeException(wrapped), "run");
        assertTrue(m.startsWith("ran out of memory while running 'run' (Metaspace"), m);
        assertTrue(m.contains("DEFERNORM_JAVA_OPTS=-Xmx") && m.lines().count() == 1, m);
    }

    @Test
    void lintWithoutTheToolsOnPathIsAnEnvironmentError(@TempDir Path dir) throws Exception {
        // a real process whose PATH holds none of verilator, iverilog, yosys
        Path emptyBin = Files.createDirectory(dir.resolve("bin"));
        Path out = dir.resolve("rtl");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "generate", "--lint", "--op", "rmsnorm", "--variant", "deferred", "-n", "8", "-m", "4", "-P", "2", "-Q", "2",
                "-o", out.toString());
        pb.environment().put("PATH", emptyBin.toString());
        pb.environment().remove("DEFERNORM_DEBUG");
        pb.redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the CLI did not finish");
        CliRun r = new CliRun(p.exitValue(), Files.readString(dir.resolve("stdout.txt")), Files.readString(dir.resolve("stderr.txt")));
        assertBadInput(r, "--lint needs verilator, iverilog and yosys on PATH, but verilator, iverilog and yosys are not found");
        assertTrue(r.err().contains("make deps"), r.err());
        assertTrue(Files.notExists(out), "nothing is generated when the tools are missing");
    }

    private static CliRun eval(Path in, Path dir) {
        return CliRun.of("eval", "--input", in.toString(), "--output", dir.resolve("out.json").toString(), "--engine", "builtin");
    }
}
