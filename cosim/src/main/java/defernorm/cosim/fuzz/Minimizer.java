package defernorm.cosim.fuzz;

import defernorm.cosim.random.Gene;
import defernorm.cosim.random.Genome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing genome to a small one that still fails the same way: delta debugging (ddmin) over its
 * genes (each gene adds a node or a few), then each remaining gene number toward 0 (smaller numbers give
 * narrower, simpler hardware). Every candidate costs a tool run, so the number of checks is capped.
 *
 * <pre>{@code
 * Genome small = new Minimizer(200).minimize(big, g -> check(g).sameFailure(original));
 * }</pre>
 */
public final class Minimizer {
    private final int maxChecks;
    private int checks;

    public Minimizer(int maxChecks) { this.maxChecks = maxChecks; }

    /** The checks the last {@link #minimize} made. */
    public int checks() { return checks; }

    /** A genome no larger than {@code failing} for which {@code fails} holds (it must hold for {@code failing}). */
    public Genome minimize(Genome failing, Predicate<Genome> fails) {
        checks = 0;
        List<Slot> slots = new ArrayList<>();
        for (Gene g : failing.top()) slots.add(new Slot(false, g));
        for (Gene g : failing.child()) slots.add(new Slot(true, g));
        Predicate<List<Slot>> test = s -> {
            if (checks >= maxChecks || s.stream().noneMatch(x -> !x.child)) return false;
            checks++;
            return fails.test(genome(s));
        };
        slots = ddmin(slots, test);
        slots = shrinkNumbers(slots, test);
        return genome(slots);
    }

    private record Slot(boolean child, Gene gene) {}

    private static Genome genome(List<Slot> slots) {
        List<Gene> top = new ArrayList<>(), child = new ArrayList<>();
        for (Slot s : slots) (s.child ? child : top).add(s.gene);
        return new Genome(top, child);
    }

    /** Zeller's ddmin: try chunks, then complements, refining the granularity until single genes. */
    static <T> List<T> ddmin(List<T> items, Predicate<List<T>> fails) {
        int n = 2;
        while (items.size() >= 2) {
            List<List<T>> chunks = split(items, n);
            boolean reduced = false;
            for (List<T> chunk : chunks) {
                if (fails.test(chunk)) { items = chunk; n = 2; reduced = true; break; }
            }
            if (!reduced && n > 2) {
                for (int i = 0; i < chunks.size(); i++) {
                    List<T> rest = new ArrayList<>();
                    for (int j = 0; j < chunks.size(); j++) if (j != i) rest.addAll(chunks.get(j));
                    if (fails.test(rest)) { items = rest; n = Math.max(n - 1, 2); reduced = true; break; }
                }
            }
            if (!reduced) {
                if (n >= items.size()) break;
                n = Math.min(items.size(), 2 * n);
            }
        }
        return items;
    }

    private static <T> List<List<T>> split(List<T> items, int n) {
        List<List<T>> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (items.size() - start) / (n - i);
            if (end > start) out.add(new ArrayList<>(items.subList(start, end)));
            start = end;
        }
        return out;
    }

    private static List<Slot> shrinkNumbers(List<Slot> slots, Predicate<List<Slot>> fails) {
        List<Slot> cur = new ArrayList<>(slots);
        for (int i = 0; i < cur.size(); i++) {
            for (int field = 0; field < 5; field++) {
                Slot s = cur.get(i);
                int v = field(s.gene, field);
                for (int candidate : new int[]{0, v / 2}) {
                    if (candidate >= v) continue;
                    Slot t = new Slot(s.child, with(s.gene, field, candidate));
                    List<Slot> next = new ArrayList<>(cur);
                    next.set(i, t);
                    if (fails.test(next)) { cur = next; break; }
                }
            }
        }
        return cur;
    }

    private static int field(Gene g, int f) {
        return switch (f) { case 0 -> g.kind(); case 1 -> g.a(); case 2 -> g.b(); case 3 -> g.c(); default -> g.d(); };
    }

    private static Gene with(Gene g, int f, int v) {
        return switch (f) {
            case 0 -> new Gene(v, g.a(), g.b(), g.c(), g.d());
            case 1 -> new Gene(g.kind(), v, g.b(), g.c(), g.d());
            case 2 -> new Gene(g.kind(), g.a(), v, g.c(), g.d());
            case 3 -> new Gene(g.kind(), g.a(), g.b(), v, g.d());
            default -> new Gene(g.kind(), g.a(), g.b(), g.c(), v);
        };
    }
}
