package defernorm.hdl;

import defernorm.hdl.ir.Design;

import java.util.List;

/**
 * A successful elaboration: the design and the warnings found on the way (e.g. unused inputs).
 *
 * <pre>{@code
 * Elaboration e = Elaborator.elaborateWithWarnings(new Counter(8));
 * e.warnings().forEach(w -> log.warn(w.toString()));
 * Design d = e.design();
 * }</pre>
 */
public record Elaboration(Design design, List<Diagnostic> warnings) {
    public Elaboration { warnings = List.copyOf(warnings); }
}
