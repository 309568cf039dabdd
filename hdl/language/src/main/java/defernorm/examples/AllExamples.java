package defernorm.examples;

import defernorm.hdl.Elaborator;
import defernorm.hdl.Component;
import defernorm.hdl.ir.Design;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every example design, elaborated, keyed by top module name (for tools that lint or emit all of them). */
public final class AllExamples {
    private AllExamples() {}

    /** Fresh instances of the example modules, in a fixed order. */
    public static List<Component> modules() {
        return List.of(new Counter(8), new Mac(8), new Fifo(8, 4), new RegisterFile(), new MacPair());
    }

    public static Map<String, Design> designs() {
        Map<String, Design> out = new LinkedHashMap<>();
        for (Component m : modules()) out.put(m.name(), Elaborator.elaborate(m));
        return out;
    }
}
