package defernorm.cosim.fuzz;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Where a campaign stands, saved after every batch (written aside and renamed, so an interruption leaves
 * the previous state): the seed, the next batch, and the running totals.
 */
record FuzzState(long seed, long nextBatch, long designs, long icarusDesigns, long disagreements, long rejected,
                 long millis) {

    static FuzzState fresh(long seed) { return new FuzzState(seed, 0, 0, 0, 0, 0, 0); }

    /** The saved state, or a fresh one with {@code seed} when there is no state file. */
    static FuzzState load(Path file, long seed) {
        if (!Files.exists(file)) return fresh(seed);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            return new FuzzState(num(p, "seed"), num(p, "nextBatch"), num(p, "designs"), num(p, "icarusDesigns"),
                    num(p, "disagreements"), num(p, "rejected"), num(p, "millis"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the fuzz state file " + file + " is unreadable (" + e.getMessage()
                    + "); delete it to start a new campaign");
        }
    }

    private static long num(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException("no " + key);
        return Long.parseLong(v.trim());
    }

    void save(Path file) {
        Properties p = new Properties();
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("nextBatch", Long.toString(nextBatch));
        p.setProperty("designs", Long.toString(designs));
        p.setProperty("icarusDesigns", Long.toString(icarusDesigns));
        p.setProperty("disagreements", Long.toString(disagreements));
        p.setProperty("rejected", Long.toString(rejected));
        p.setProperty("millis", Long.toString(millis));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                p.store(w, "defernorm fuzz campaign; delete to start over");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the fuzz state " + file + ": " + e.getMessage(), e);
        }
    }

    FuzzState afterBatch(int designs, int icarus, int disagreements, int rejected, long millis) {
        return new FuzzState(seed, nextBatch + 1, this.designs + designs, icarusDesigns + icarus,
                this.disagreements + disagreements, this.rejected + rejected, this.millis + millis);
    }

    /** The closing line {@code make fuzz} prints. */
    String closingLine() {
        return "fuzz: " + designs + " designs, " + disagreements + " disagreements, " + rejected + " rejected by a tool";
    }
}
