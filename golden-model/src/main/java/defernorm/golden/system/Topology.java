package defernorm.golden.system;

import defernorm.golden.fixed.Normalize;
import java.util.Locale;

/**
 * How the tiles of a system are linked for their collectives (docs/system.md), and so the order in which
 * partial results combine: node i combines its own value with its {@link #reduceChildren} partials, in that
 * order ({@code v(i) = (((own ⊕ v(c1)) ⊕ v(c2)) …)}), and tile 0 holds the result. The RTL's networks and
 * the golden model's merge both follow these lists, so softmax's rounding agrees.
 *
 * <pre>{@code
 * Topology t = Topology.parse("tree");   // TREE
 * t.reduceChildren(0, 4);                // [1, 2]
 * Topology.RING.reduceChildren(0, 4);    // [3]: the chain 1 → 2 → 3 → 0
 * }</pre>
 */
public enum Topology {
    /**
     * A unidirectional ring: tile i sends to tile (i+1) mod T; the reduce runs 1 → 2 → … → T−1 → 0, the
     * broadcast 0 → 1 → … → T−1.
     */
    RING,
    /**
     * A binary tree rooted at tile 0 (heap numbering: the children of i are 2i+1 and 2i+2): reduce up
     * {@code floor(log2 T)} levels, then broadcast down the same edges.
     */
    TREE;

    /** The tiles whose partial results tile {@code node} combines with its own, in merge order. */
    public int[] reduceChildren(int node, int tiles) {
        check(node, tiles);
        if (this == TREE) return heapChildren(node, tiles);
        if (tiles == 1 || node == 1) return new int[0];
        return new int[] {node == 0 ? tiles - 1 : node - 1};
    }

    /** The tiles tile {@code node} forwards the reduced result to. */
    public int[] broadcastChildren(int node, int tiles) {
        check(node, tiles);
        if (this == TREE) return heapChildren(node, tiles);
        return node + 1 < tiles ? new int[] {node + 1} : new int[0];
    }

    /** Links from tile 0 to tile {@code node} on the broadcast. */
    public int broadcastDepth(int node, int tiles) {
        check(node, tiles);
        return this == TREE ? Normalize.bitLength(node + 1) - 1 : node;
    }

    private static int[] heapChildren(int node, int tiles) {
        int a = 2 * node + 1;
        int b = 2 * node + 2;
        if (b < tiles) return new int[] {a, b};
        return a < tiles ? new int[] {a} : new int[0];
    }

    private static void check(int node, int tiles) {
        if (tiles < 1 || node < 0 || node >= tiles) {
            throw new IllegalArgumentException("tile " + node + " is not one of " + tiles + " tiles.");
        }
    }

    /** The topology named {@code s} (case-insensitive), or one sentence naming the choices. */
    public static Topology parse(String s) {
        for (Topology t : values()) {
            if (t.name().equalsIgnoreCase(s.trim())) return t;
        }
        throw new IllegalArgumentException("unknown topology '" + s + "': use ring or tree.");
    }

    /** The lower-case name used on the command line and in JSON. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
