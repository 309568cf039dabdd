package defernorm.golden.system;

import java.util.List;
import java.util.function.BinaryOperator;

/**
 * Combines one value per tile in the order the topology's reduce does (docs/system.md, docs/numerics.md):
 * {@code v(i) = (((own_i ⊕ v(c1)) ⊕ v(c2)) …)} over {@link Topology#reduceChildren}, the result {@code v(0)}.
 * A ring gives {@code (((own_1 ⊕ own_2) ⊕ own_3) … ⊕ own_{T−1})} merged into {@code own_0} last; a tree
 * merges each subtree into its root, left child first.
 *
 * <pre>{@code
 * long total = TopologyOrder.reduce(Topology.TREE, List.of(1L, 2L, 3L, 4L), Long::sum);   // 10
 * }</pre>
 */
public final class TopologyOrder {
    private TopologyOrder() {}

    /** The value tile 0 holds after the reduce of {@code own} (one per tile) with {@code op}: {@code op.apply(mine, childs)}. */
    public static <V> V reduce(Topology topology, List<V> own, BinaryOperator<V> op) {
        if (own.isEmpty()) throw new IllegalArgumentException("a reduce needs at least one tile.");
        return at(0, topology, own, op);
    }

    private static <V> V at(int node, Topology topology, List<V> own, BinaryOperator<V> op) {
        V v = own.get(node);
        for (int c : topology.reduceChildren(node, own.size())) v = op.apply(v, at(c, topology, own, op));
        return v;
    }
}
