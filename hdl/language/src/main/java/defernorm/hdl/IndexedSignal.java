package defernorm.hdl;

import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One leaf of {@code vec.at(index)}: reads as a multiplexer tree over the index bits (an index past the end
 * reads 0); {@link #set} sets the selected element only, under {@code index == k} for element k.
 */
final class IndexedSignal extends Signal {
    private final Signal index;
    private final List<Signal> choices;

    IndexedSignal(Builder b, Signal index, List<Signal> choices, SourceLoc at) {
        super(tree(b, index.net, choices, at));
        this.index = index;
        this.choices = choices;
    }

    @Override public void set(Signal value) {
        SourceLoc at = SourceLocator.here();
        Builder b = index.b();
        // one problem for the whole Vec, not one per element
        if (!b.owns(value.net, at) || !b.sameType(type(), value.type(), at, "setting an element of a Vec")) return;
        int reachable = (int) Math.min(choices.size(), 1L << Math.min(30, index.width()));
        // One single-arm when per element, not one switch: the conditions exclude each other anyway, and a
        // switch would lower element k to a chain of k+1 muxes (its arms have priority), O(n^2) in all.
        for (int i = 0; i < reachable; i++) {
            Signal target = choices.get(i);
            Net k = b.constant(BigInteger.valueOf(i), index.type(), at);
            Signal selected = new Signal(b.binary(Node.BinaryOp.EQ, Type.bool(), index.net, k, at));
            WhenChain.start(b, selected, () -> target.set(value), at);
        }
    }

    /** Level k muxes pairs on index bit k; missing elements are 0, and so is any index with higher bits set. */
    private static Net tree(Builder b, Net index, List<Signal> choices, SourceLoc at) {
        Type t = choices.getFirst().type();
        int w = index.type.width();
        int levels = Math.min(w, 32 - Integer.numberOfLeadingZeros(choices.size() - 1));
        Net zero = b.constant(BigInteger.ZERO, t, at);
        zero.enumClass = choices.getFirst().net.enumClass;
        List<Net> layer = new ArrayList<>();
        for (int i = 0; i < 1 << levels; i++) layer.add(i < choices.size() ? choices.get(i).net : zero);
        for (int k = 0; k < levels; k++) {
            Net sel = b.slice(index, k, k, at);
            List<Net> up = new ArrayList<>();
            for (int j = 0; j < layer.size(); j += 2) up.add(b.mux(sel, layer.get(j + 1), layer.get(j), at));
            layer = up;
        }
        Net r = layer.getFirst();
        if (w > levels) {
            Net high = b.unary(Node.UnaryOp.OR_REDUCE, Type.bool(), b.slice(index, w - 1, levels, at), at);
            r = b.mux(high, zero, r, at);
        }
        return r;
    }
}
