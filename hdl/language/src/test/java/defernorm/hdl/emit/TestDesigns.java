package defernorm.hdl.emit;

import defernorm.hdl.ir.Design;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The designs the emitter tests run on: the IR fixtures, the DSL examples
 * ({@code defernorm.examples.AllExamples.designs()}) and the accelerator units
 * ({@code defernorm.accel.AllUnits.designs()}). The last two are found by reflection so this package
 * compiles and tests even before (or without) them.
 */
public final class TestDesigns {
    private TestDesigns() {}

    public static Map<String, Design> fixtures() { return IrFixtures.all(); }

    public static Map<String, Design> examples() { return byReflection("defernorm.examples.AllExamples"); }

    public static Map<String, Design> units() { return byReflection("defernorm.accel.AllUnits"); }

    /** Fixtures, examples and units, keyed by a label unique across the three. */
    public static Map<String, Design> all() {
        Map<String, Design> all = new LinkedHashMap<>();
        fixtures().forEach((k, d) -> all.put("fixture " + k, d));
        examples().forEach((k, d) -> all.put("example " + k, d));
        units().forEach((k, d) -> all.put("unit " + k, d));
        return all;
    }

    private static Map<String, Design> byReflection(String className) {
        Class<?> c;
        try {
            c = Class.forName(className);
        } catch (ClassNotFoundException e) {
            return Map.of();
        }
        try {
            Method m = c.getMethod("designs");
            Object r = m.invoke(null);
            Map<String, Design> out = new LinkedHashMap<>();
            if (r instanceof Map<?, ?> map) {
                map.forEach((k, v) -> out.put(String.valueOf(k), (Design) v));
            } else if (r instanceof Collection<?> list) {
                for (Object o : list) out.put(((Design) o).top(), (Design) o);
            } else {
                throw new IllegalStateException(className + ".designs() returned " + r + ", not a Map or Collection of Design");
            }
            return out;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(className + ".designs() failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + " has no usable static designs() method: " + e, e);
        }
    }
}
