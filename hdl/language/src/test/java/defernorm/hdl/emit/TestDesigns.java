package defernorm.hdl.emit;

import defernorm.examples.AllExamples;
import defernorm.hdl.ir.Design;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The designs the emitter and tool tests run on: the IR fixtures, the language examples
 * ({@link AllExamples#designs()}) and small language designs for features the examples do not show (an
 * enum state machine). The accelerator units get the same checks in the accel module.
 */
public final class TestDesigns {
    private TestDesigns() {}

    public static Map<String, Design> fixtures() { return IrFixtures.all(); }

    public static Map<String, Design> examples() { return AllExamples.designs(); }

    /** Language designs beyond the examples: {@link EnumFsm}. */
    public static Map<String, Design> features() { return Map.of("EnumFsm", EnumFsm.design()); }

    /** Fixtures, examples and feature designs, keyed by a label unique across them. */
    public static Map<String, Design> all() {
        Map<String, Design> all = new LinkedHashMap<>();
        fixtures().forEach((k, d) -> all.put("fixture " + k, d));
        examples().forEach((k, d) -> all.put("example " + k, d));
        features().forEach((k, d) -> all.put("feature " + k, d));
        return all;
    }
}
