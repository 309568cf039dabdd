package defernorm.cosim.verilator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Where isolated sessions write their replay logs ({@code <Top>-<timestamp>-<pid>-<n>.replay} in
 * {@code SimOptions.workDir}), and the pruning that keeps that directory small: each new session
 * deletes all but the newest {@link #KEEP} logs (a log is for reproducing a recent failure).
 */
final class ReplayLogs {
    static final int KEEP = 32;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private ReplayLogs() {}

    /** A fresh log path for a session of {@code top}, after pruning old logs in {@code dir}. */
    static Path next(Path dir, String top) {
        prune(dir);
        String stamp = LocalDateTime.now().format(STAMP);
        int n = SESSIONS.incrementAndGet();
        return dir.resolve(top + "-" + stamp + "-" + ProcessHandle.current().pid() + "-" + n + ".replay");
    }

    static void prune(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> logs = s.filter(p -> p.getFileName().toString().endsWith(".replay"))
                    .sorted(Comparator.comparing(ReplayLogs::modified).reversed()).toList();
            for (Path old : logs.subList(Math.min(KEEP - 1, logs.size()), logs.size())) Files.deleteIfExists(old);
        } catch (IOException e) {
            // best effort: a log left over is harmless
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
