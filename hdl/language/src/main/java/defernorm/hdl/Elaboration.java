package defernorm.hdl;

import defernorm.hdl.ir.Design;

import java.util.List;

/** A successful elaboration: the design and the warnings found on the way (e.g. unused inputs). */
public record Elaboration(Design design, List<Diagnostic> warnings) {
    public Elaboration { warnings = List.copyOf(warnings); }
}
