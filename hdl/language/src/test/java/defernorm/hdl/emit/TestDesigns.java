package defernorm.hdl.emit;

import defernorm.examples.AllExamples;
import defernorm.hdl.ir.Design;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The designs the emitter and tool tests run on: the IR fixtures and the language examples
 * ({@link AllExamples#designs()}). The accelerator units get the same checks in the accel module.
 */
public final class TestDesigns {
    private TestDesigns() {}

    public static Map<String, Design> fixtures() { return IrFixtures.all(); }

    public static Map<String, Design> examples() { return AllExamples.designs(); }

    /** Fixtures and examples, keyed by a label unique across both. */
    public static Map<String, Design> all() {
        Map<String, Design> all = new LinkedHashMap<>();
        fixtures().forEach((k, d) -> all.put("fixture " + k, d));
        examples().forEach((k, d) -> all.put("example " + k, d));
        return all;
    }
}
