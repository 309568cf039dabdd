package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * A fixed-size, immutable sequence of hardware values of one shape: signals, bundle records or Vecs. As a
 * port, wire or register it is declared with a shape ({@link #of(int, Type)}) and its elements are named
 * {@code prefix_0, prefix_1, ...}; {@link #from} wraps values you already have. {@link #at} indexes it with a
 * signal: reading gives a multiplexer tree, setting (inside {@code when} blocks too) sets the selected element.
 *
 * <pre>{@code
 * Vec<Signal> req = input("req", Vec.of(4, Type.bool()));          // req_0 .. req_3
 * Vec<Signal> count = reg("count", Vec.of(4, Type.uint(8)), 0);    // four registers, reset to 0
 * Signal sel = input("sel", Type.uint(2));
 * output("picked", Type.uint(8)).set(count.at(sel));               // dynamic read: a mux tree
 * when(req.at(sel), () -> count.at(sel).set(count.at(sel).plus(1).truncate(8)));  // dynamic write
 * Signal total = count.reduce(Signal::plus);                        // a balanced adder tree, UInt(10)
 * Signal any = req.asBits().orReduce();
 * }</pre>
 *
 * @param <T> the element: {@link Signal} (or a subclass), a bundle record, or a Vec
 */
public final class Vec<T> implements Iterable<T> {
    private final List<T> elements;

    Vec(List<? extends T> elements) { this.elements = List.copyOf(elements); }

    /** The shape of {@code n} fields of type {@code t}, for {@code input}, {@code output}, {@code wire}, {@code reg}. */
    public static Shape<Vec<Signal>> of(int n, Type t) { return f -> f.vec(n, t); }

    /** The shape of {@code n} aggregates of shape {@code element}. */
    public static <T> Shape<Vec<T>> of(int n, Shape<T> element) { return f -> f.vec(n, element); }

    /** A Vec of values you already have (at least one), e.g. {@code Vec.from(List.of(a, b, c))}. */
    public static <T> Vec<T> from(List<? extends T> elements) {
        if (elements.isEmpty()) throw new HdlException(Diagnostic.error(SourceLocator.here(), "a Vec needs at least 1 element."));
        return new Vec<>(elements);
    }

    public int size() { return elements.size(); }

    /** Element {@code i} (a Java index, fixed at elaboration). */
    public T get(int i) { return elements.get(i); }

    public List<T> asList() { return elements; }

    @Override public Iterator<T> iterator() { return elements.iterator(); }

    /**
     * Element {@code index} (a UInt signal of any width), of the elements' shape. Reading it gives a mux tree on
     * the index bits; an index past the end reads 0. Setting it ({@code v.at(i).set(x)}, or a field of a bundle
     * element) sets only the selected element, under any enclosing {@code when}; an index past the end sets
     * nothing. Every element must have the same shape. The selected element is a plain {@link Signal} (or a
     * record of them): a Vec of handles made with {@code from} should be a {@code Vec<Signal>}, not a
     * {@code Vec<Reg>}.
     */
    public T at(Signal index) {
        SourceLoc at = SourceLocator.here();
        Builder b = index.b();
        if (!b.owns(index.net, at)) return get(0);
        if (index.type().signed()) {
            b.error(at, "a Vec index must be a UInt, but " + index.net.describe() + " is " + index.type()
                    + "; convert it with asUnsigned().");
            return get(0);
        }
        List<List<Signal>> columns = columns(b, at);
        if (columns == null) return get(0);
        int[] next = {0};
        return Aggregates.rebuild(get(0), leaf -> new IndexedSignal(b, index, columns.get(next[0]++), at), at);
    }

    /** The elements mapped through {@code f}, e.g. {@code lanes.map(x -> x.times(w))}. */
    public <R> Vec<R> map(Function<? super T, ? extends R> f) {
        List<R> out = new ArrayList<>();
        for (T x : elements) out.add(f.apply(x));
        return new Vec<>(out);
    }

    /** The elements mapped with their index, e.g. {@code req.mapIndexed((i, r) -> r.and(mask.bit(i)))}. */
    public <R> Vec<R> mapIndexed(BiFunction<Integer, ? super T, ? extends R> f) {
        List<R> out = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) out.add(f.apply(i, elements.get(i)));
        return new Vec<>(out);
    }

    /** {@code op} applied as a balanced tree (depth ceil(log2 n)): {@code v.reduce(Signal::plus)} is an adder tree. */
    public T reduce(BinaryOperator<T> op) {
        List<T> layer = elements;
        while (layer.size() > 1) {
            List<T> up = new ArrayList<>();
            for (int i = 0; i + 1 < layer.size(); i += 2) up.add(op.apply(layer.get(i), layer.get(i + 1)));
            if (layer.size() % 2 == 1) up.add(layer.getLast());
            layer = up;
        }
        return layer.getFirst();
    }

    /** {@code op} applied left to right from {@code initial}: a chain, e.g. a priority scan. */
    public <R> R fold(R initial, BiFunction<R, ? super T, R> op) {
        R acc = initial;
        for (T x : elements) acc = op.apply(acc, x);
        return acc;
    }

    /** The signal elements concatenated as one UInt, element 0 in the least significant bits. */
    public Signal asBits() {
        SourceLoc at = SourceLocator.here();
        List<Signal> leaves = Aggregates.leaves(this, at);
        Builder b = leaves.getFirst().b();
        List<Net> msbFirst = new ArrayList<>();
        for (Signal s : leaves.reversed()) if (b.owns(s.net, at)) msbFirst.add(s.net);
        if (msbFirst.size() == 1 && !msbFirst.getFirst().type.signed()) return Signal.of(msbFirst.getFirst());
        return new Signal(b.concat(msbFirst, at));
    }

    @Override public String toString() { return "Vec" + elements; }

    /** Leaf {@code j} of every element, per {@code j}; null (after recording the error) if shapes differ. */
    private List<List<Signal>> columns(Builder b, SourceLoc at) {
        List<Signal> first = Aggregates.leaves(get(0), at);
        List<List<Signal>> columns = new ArrayList<>();
        for (Signal s : first) columns.add(new ArrayList<>(List.of(s)));
        for (int i = 1; i < size(); i++) {
            List<Signal> leaves = Aggregates.leaves(get(i), at);
            boolean same = leaves.size() == first.size();
            for (int j = 0; same && j < leaves.size(); j++) same = leaves.get(j).type().equals(first.get(j).type());
            if (!same) {
                b.error(at, "element " + i + " of this Vec has another shape than element 0, so it cannot be indexed"
                        + " by a signal.");
                return null;
            }
            for (int j = 0; j < leaves.size(); j++) columns.get(j).add(leaves.get(j));
        }
        for (List<Signal> c : columns) for (Signal s : c) if (!b.owns(s.net, at)) return null;
        return columns;
    }
}
