package defernorm.testbench.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defernorm.eda.SynthLevel;
import defernorm.eda.SynthResult;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import defernorm.testbench.dut.GeneratedTop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Yosys cell and flip-flop counts for the report, run on one background thread while the simulations use
 * the other core, and remembered in {@code <top dir>/yosys-stat.json} under a hash of the Verilog, so a
 * second run of the main job does not synthesize unchanged tops again. The counts are word-level
 * ({@link SynthLevel#COARSE}: synthesis stops before gate mapping), a few seconds per top where the full flow
 * takes minutes, so all 9 are ready on a first run. If one still is not ready by the deadline, the job stops
 * the yosys it started (no process outlives the job) and the count carries a note saying why it is missing.
 */
final class SynthCounts implements AutoCloseable {
    /** Cells and flip-flops, -1 when unknown, with {@code note} saying why. */
    record Counts(long cells, long flipFlops, String note) {
        static Counts missing(String why) { return new Counts(-1, -1, why); }

        boolean known() { return cells >= 0; }
    }

    /** The level counted; part of the memo key, so counts of another level are never reused. */
    static final SynthLevel LEVEL = SynthLevel.COARSE;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ExecutorService worker;
    /** Why there are no counts at all (disabled, yosys missing), or empty. */
    private final String off;

    SynthCounts(boolean enabled) {
        this.off = !enabled ? "not counted (--no-synth)" : Tool.YOSYS.isInstalled() ? "" : Tool.YOSYS.missingMessage().orElse("yosys is not installed");
        this.worker = off.isEmpty() ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "yosys");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    boolean enabled() { return worker != null; }

    CompletableFuture<Counts> submit(GeneratedTop top) {
        if (worker == null) return CompletableFuture.completedFuture(Counts.missing(off));
        return CompletableFuture.supplyAsync(() -> count(top), worker);
    }

    private static Counts count(GeneratedTop top) {
        Path memo = top.dir().resolve("yosys-stat.json");
        String hash = hash(top);
        try {
            if (Files.exists(memo)) {
                JsonNode j = JSON.readTree(memo.toFile());
                if (hash.equals(j.path("verilogSha256").asText()) && LEVEL.name().equals(j.path("level").asText())) {
                    return new Counts(j.path("cells").asLong(), j.path("flipFlops").asLong(), "");
                }
            }
            SynthResult r = ToolChecks.yosysSynth(top.dir(), top.name(), LEVEL);
            if (r.stats() == null) {
                String first = r.run().output().strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("no output");
                return Counts.missing("yosys failed (exit " + r.run().exitCode() + "): " + first);
            }
            Counts c = new Counts(r.stats().cells(), r.stats().flipFlops(), "");
            Files.writeString(memo, JSON.writeValueAsString(JSON.createObjectNode().put("verilogSha256", hash).put("level", LEVEL.name())
                    .put("cells", c.cells()).put("flipFlops", c.flipFlops())) + "\n");
            return c;
        } catch (IOException | RuntimeException e) {
            return Counts.missing("yosys could not be run: " + e.getMessage());
        }
    }

    private static String hash(GeneratedTop top) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path v : top.verilog().stream().sorted().toList()) {
                md.update(v.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(v));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            return "";
        }
    }

    /** The counts, or missing ones saying so if they are not ready by {@code deadlineNanos} (System.nanoTime). */
    static Counts await(CompletableFuture<Counts> counts, long deadlineNanos, int waitSeconds) {
        try {
            return counts.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Counts.missing("yosys was not done " + waitSeconds + " s after the simulations (--synth-wait " + waitSeconds + ") and was stopped");
        } catch (ExecutionException e) {
            return Counts.missing("yosys could not be run: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Counts.missing("interrupted");
        }
    }

    /** Drops queued work and stops any yosys this JVM started that is still running. */
    @Override public void close() {
        if (worker == null) return;
        worker.shutdownNow();
        ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/yosys") || c.equals("yosys")).orElse(false))
                .forEach(ProcessHandle::destroy);
    }
}
