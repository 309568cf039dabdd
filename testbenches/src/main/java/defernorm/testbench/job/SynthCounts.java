package defernorm.testbench.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defernorm.hdl.emit.SynthResult;
import defernorm.hdl.emit.Tool;
import defernorm.hdl.emit.ToolChecks;
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
 * second run of the main job does not synthesize unchanged tops again. Synthesis of a large top can take
 * minutes on a busy machine: the job waits for the counts only until a deadline, then stops the yosys it
 * started (no process outlives the job) and reports those counts as unknown.
 */
final class SynthCounts implements AutoCloseable {
    /** Cells and flip-flops, -1 when unknown. */
    record Counts(long cells, long flipFlops) {
        static final Counts UNKNOWN = new Counts(-1, -1);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ExecutorService worker;

    SynthCounts(boolean enabled) {
        this.worker = enabled && Tool.YOSYS.isInstalled() ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "yosys");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    boolean enabled() { return worker != null; }

    CompletableFuture<Counts> submit(GeneratedTop top) {
        if (worker == null) return CompletableFuture.completedFuture(Counts.UNKNOWN);
        return CompletableFuture.supplyAsync(() -> count(top), worker);
    }

    private static Counts count(GeneratedTop top) {
        Path memo = top.dir().resolve("yosys-stat.json");
        String hash = hash(top);
        try {
            if (Files.exists(memo)) {
                JsonNode j = JSON.readTree(memo.toFile());
                if (hash.equals(j.path("verilogSha256").asText())) return new Counts(j.path("cells").asLong(), j.path("flipFlops").asLong());
            }
            SynthResult r = ToolChecks.yosysSynth(top.dir(), top.name());
            if (r.stats() == null) return Counts.UNKNOWN;
            Counts c = new Counts(r.stats().cells(), r.stats().flipFlops());
            Files.writeString(memo, JSON.writeValueAsString(JSON.createObjectNode().put("verilogSha256", hash)
                    .put("cells", c.cells()).put("flipFlops", c.flipFlops())) + "\n");
            return c;
        } catch (IOException | RuntimeException e) {
            return Counts.UNKNOWN;
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

    /** The counts, or {@link Counts#UNKNOWN} if they are not ready by {@code deadlineNanos} (System.nanoTime). */
    static Counts await(CompletableFuture<Counts> counts, long deadlineNanos) {
        try {
            return counts.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Counts.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Counts.UNKNOWN;
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
