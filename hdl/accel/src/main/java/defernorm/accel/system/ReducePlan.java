package defernorm.accel.system;

import defernorm.golden.system.Topology;

/**
 * When each tile of a reduce combines (docs/system.md), counted in edges from the moment every tile's own
 * value is presented (all tiles present theirs on the same edge: they run in lockstep). Tile i waits for its
 * {@link Topology#reduceChildren} partials, each {@code hop} edges after its sender's combine register
 * loaded, then loads its own combine register: {@code combineAt(i) = max(0, max_c arrival(c))},
 * {@code ready(i) = combineAt(i) + 1}, {@code arrival(c) = ready(c) + hop}. A ring's chain gives
 * {@code ready(0) = T + (T−1)·hop}, a tree's {@code ready(0) = D + 1 + D·hop} with {@code D = floor(log2 T)}.
 *
 * <pre>{@code
 * new ReducePlan(Topology.RING, 4, 10).ready(0);   // 34
 * }</pre>
 */
record ReducePlan(Topology topology, int tiles, int hop) {
    ReducePlan {
        if (tiles < 2 || hop < 0) throw new IllegalArgumentException("a reduce needs at least 2 tiles and a hop of at least 0 edges.");
    }

    /** The edge (counted from the own values) on which tile {@code node} presents own value ⊕ children to its combine register. */
    int combineAt(int node) {
        int at = 0;
        for (int c : topology.reduceChildren(node, tiles)) at = Math.max(at, arrival(c));
        return at;
    }

    /** The edge from which tile {@code node}'s combine register holds its partial result. */
    int ready(int node) {
        return combineAt(node) + 1;
    }

    /** The edge on which tile {@code child}'s partial reaches its parent. */
    int arrival(int child) {
        return ready(child) + hop;
    }

    /** The deepest broadcast position: links from tile 0 to the farthest tile. */
    int broadcastDepth() {
        int d = 0;
        for (int t = 0; t < tiles; t++) d = Math.max(d, topology.broadcastDepth(t, tiles));
        return d;
    }
}
