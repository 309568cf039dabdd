package defernorm.testbench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Joins the slices of one sweep ({@code --shard i/N} runs) into the file one unsharded run writes: every
 * line of every slice, in grid order, copied as it is. Refuses, with one sentence, lines from different grids,
 * a point present twice, and a point missing.
 *
 * <pre>{@code
 * List<PointJson.Line> all = SweepMerge.merge(List.of(Path.of("s0.jsonl"), Path.of("s1.jsonl")));
 * Files.writeString(Path.of("all.jsonl"), SweepMerge.text(all));
 * }</pre>
 */
public final class SweepMerge {
    /** Missing indices named in the sentence before "and k more". */
    private static final int NAMED = 5;

    private SweepMerge() {}

    /** The points of all slices in grid order, checked to be exactly the points of one grid. */
    public static List<PointJson.Line> merge(List<Path> slices) {
        if (slices.isEmpty()) throw new IllegalArgumentException("merge needs at least one slice file.");
        var distinct = new HashSet<Path>();
        for (Path f : slices) {
            if (!distinct.add(f.toAbsolutePath().normalize())) throw new IllegalArgumentException("the slice " + f + " is given twice; give each slice once.");
        }
        List<PointJson.Line> lines = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (Path f : slices) {
            List<String> text = read(f);
            for (int i = 0; i < text.size(); i++) {
                if (text.get(i).isBlank()) continue;
                String at = f + " line " + (i + 1);
                lines.add(PointJson.parse(text.get(i), at));
                where.add(at);
            }
        }
        if (lines.isEmpty()) throw new IllegalArgumentException("the slices hold no points: " + names(slices) + ".");
        PointJson.Line first = lines.get(0);
        PointJson.Line[] byIndex = new PointJson.Line[first.points()];
        String[] from = new String[first.points()];
        for (int k = 0; k < lines.size(); k++) {
            PointJson.Line l = lines.get(k);
            if (!l.grid().equals(first.grid()) || l.points() != first.points()) {
                throw new IllegalArgumentException(where.get(k) + " comes from another grid (" + l.grid() + ", " + l.points()
                        + " points) than " + where.get(0) + " (" + first.grid() + ", " + first.points()
                        + " points); merge only the slices of one sweep, run with the same options.");
            }
            if (l.index() < 0 || l.index() >= first.points()) {
                throw new IllegalArgumentException(where.get(k) + " has index " + l.index() + ", outside the grid's 0 to " + (first.points() - 1) + ".");
            }
            if (byIndex[l.index()] != null) {
                throw new IllegalArgumentException("point " + l.index() + " (" + l.result().point().id() + ") is in both "
                        + from[l.index()] + " and " + where.get(k) + "; give each slice once.");
            }
            byIndex[l.index()] = l;
            from[l.index()] = where.get(k);
        }
        List<Integer> missing = IntStream.range(0, byIndex.length).filter(i -> byIndex[i] == null).boxed().toList();
        if (!missing.isEmpty()) {
            String named = missing.stream().limit(NAMED).map(String::valueOf).collect(Collectors.joining(", "));
            String more = missing.size() > NAMED ? " and " + (missing.size() - NAMED) + " more" : "";
            throw new IllegalArgumentException(missing.size() + " of the grid's " + byIndex.length + " points are missing (index "
                    + named + more + "); run the slices that hold them and merge again.");
        }
        return List.of(byIndex);
    }

    /** The merged file's text: one line per point, each ending in a line break, as an unsharded run writes it. */
    public static String text(List<PointJson.Line> lines) {
        StringBuilder b = new StringBuilder();
        for (PointJson.Line l : lines) b.append(l.text()).append('\n');
        return b.toString();
    }

    private static List<String> read(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the slice " + f + " does not exist.");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the slice " + f + " (" + e.getMessage() + ").");
        }
    }

    private static String names(List<Path> fs) {
        return fs.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
