package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Walks hardware aggregates: a {@link Signal} (a leaf), a {@link Vec}, or a record whose components are
 * aggregates (other components are carried along). Leaves are visited depth-first in declaration order, with
 * their flattened names ({@code prefix_field}, {@code prefix_0}).
 */
final class Aggregates {
    private Aggregates() {}

    /** Calls {@code visit} with every leaf of {@code agg} and its name under {@code path}. */
    static void walk(Object agg, String path, BiConsumer<String, Signal> visit, SourceLoc at) {
        switch (agg) {
            case Signal s -> visit.accept(path, s);
            case Vec<?> v -> {
                for (int i = 0; i < v.size(); i++) walk(v.get(i), path + "_" + i, visit, at);
            }
            case Record r -> {
                for (RecordComponent c : r.getClass().getRecordComponents()) {
                    Object value = read(r, c, at);
                    if (isAggregate(value)) walk(value, path + "_" + c.getName(), visit, at);
                    else rejectCollection(value, r.getClass(), c, at);
                }
            }
            case null -> throw new HdlException(Diagnostic.error(at, "a hardware aggregate is null (at '" + path + "')."))
                    ;
            default -> throw notAggregate(agg, at);
        }
    }

    /** Every leaf of {@code agg}, in order. */
    static List<Signal> leaves(Object agg, SourceLoc at) {
        List<Signal> out = new ArrayList<>();
        walk(agg, "", (p, s) -> out.add(s), at);
        return out;
    }

    /** A new aggregate of {@code template}'s shape whose leaves are {@code leaf} applied to template's leaves. */
    @SuppressWarnings("unchecked")
    static <T> T rebuild(T template, Function<Signal, Signal> leaf, SourceLoc at) {
        return (T) switch (template) {
            case Signal s -> leaf.apply(s);
            case Vec<?> v -> {
                List<Object> xs = new ArrayList<>();
                for (Object x : v) xs.add(rebuild(x, leaf, at));
                yield new Vec<>(xs);
            }
            case Record r -> {
                RecordComponent[] cs = r.getClass().getRecordComponents();
                Object[] args = new Object[cs.length];
                Class<?>[] types = new Class<?>[cs.length];
                for (int i = 0; i < cs.length; i++) {
                    Object value = read(r, cs[i], at);
                    args[i] = isAggregate(value) ? rebuild(value, leaf, at) : value;
                    types[i] = cs[i].getType();
                }
                yield construct(r.getClass(), types, args, at);
            }
            case null -> throw new HdlException(Diagnostic.error(at, "a hardware aggregate is null."));
            default -> throw notAggregate(template, at);
        };
    }

    static boolean isAggregate(Object x) { return x instanceof Signal || x instanceof Vec<?> || x instanceof Record; }

    private static Object read(Record r, RecordComponent c, SourceLoc at) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new HdlException(Diagnostic.error(at, "bundle " + r.getClass().getSimpleName() + " cannot be read by"
                    + " the HDL (" + e.getClass().getSimpleName() + "); make the record public or open its package."));
        }
    }

    private static Object construct(Class<?> cls, Class<?>[] types, Object[] args, SourceLoc at) {
        try {
            Constructor<?> k = cls.getDeclaredConstructor(types);
            k.setAccessible(true);
            return k.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new HdlException(Diagnostic.error(at, "bundle " + cls.getSimpleName() + " cannot be rebuilt by the"
                    + " HDL (" + e.getClass().getSimpleName() + "); declare its hardware components as Signal, Vec or"
                    + " records (not Reg or Output), make it accessible, and keep its constructor free of checks that"
                    + " reject hardware values."));
        }
    }

    private static void rejectCollection(Object value, Class<?> owner, RecordComponent c, SourceLoc at) {
        if (value instanceof Collection<?> || (value != null && value.getClass().isArray())) {
            throw new HdlException(Diagnostic.error(at, "component '" + c.getName() + "' of bundle " + owner.getSimpleName()
                    + " is a " + (value instanceof Collection<?> ? "collection" : "array") + "; use a Vec for hardware"
                    + " elements."));
        }
    }

    private static HdlException notAggregate(Object x, SourceLoc at) {
        return new HdlException(Diagnostic.error(at, x.getClass().getSimpleName() + " is not a hardware aggregate: use"
                + " a Signal, a Vec, or a record of them."));
    }
}
