package defernorm.testbench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a slice of a grid on a fixed pool of {@code jobs} threads and hands each point's JSON line to a sink
 * in grid order as soon as it and every point before it are done, so the output file grows in order while
 * points finish in any order.
 *
 * <pre>{@code
 * List<PointResult> rs = SweepRunner.run(grid, ShardSpec.parse("1/4"), 2, new CosimPointRunner(grid), writer::println, r -> {});
 * }</pre>
 */
public final class SweepRunner {
    private SweepRunner() {}

    /** Told about every finished point, from the pool's threads. */
    @FunctionalInterface
    public interface Listener {
        void finished(PointResult r);
    }

    /**
     * Runs the points of {@code shard} and returns their results in grid order; {@code lines} receives each
     * point's line (in grid order, from one thread at a time).
     */
    public static List<PointResult> run(SweepGrid grid, ShardSpec shard, int jobs, PointRunner runner, Consumer<String> lines,
                                        Listener listener) {
        if (jobs < 1) throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs + ".");
        List<GridPoint> points = grid.points(shard);
        PointResult[] results = new PointResult[points.size()];
        Emitter emitter = new Emitter(grid, results, lines);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, points.size())), r -> {
            Thread t = new Thread(r, "sweep-point");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                int slot = i;
                futures.add(pool.submit(() -> {
                    PointResult r = runner.run(points.get(slot));
                    listener.finished(r);
                    emitter.done(slot, r);
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted.", e);
        } catch (ExecutionException e) {
            // an Error (e.g. out of memory) or a bug in the runner: never a point's own failure, which is a result
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(results);
    }

    /** Writes the lines of finished points in order: point k only once 0..k-1 are written. */
    private static final class Emitter {
        private final SweepGrid grid;
        private final PointResult[] results;
        private final Consumer<String> lines;
        private int next;

        Emitter(SweepGrid grid, PointResult[] results, Consumer<String> lines) {
            this.grid = grid;
            this.results = results;
            this.lines = lines;
        }

        synchronized void done(int slot, PointResult r) {
            results[slot] = r;
            while (next < results.length && results[next] != null) lines.accept(PointJson.line(grid, results[next++]));
        }
    }
}
