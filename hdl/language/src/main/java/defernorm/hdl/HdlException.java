package defernorm.hdl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link Elaborator} when a design has errors. The message lists every problem found, one per
 * line, each starting with the user's {@code File.java:line:}. Warnings found in the same run are kept in
 * {@link #warnings()} but not printed.
 *
 * <pre>{@code
 * try { Elaborator.elaborate(top); }
 * catch (HdlException e) { System.err.println(e.getMessage()); }   // "Top.java:12: plus mixes UInt(8) and SInt(8); ..."
 * }</pre>
 */
public final class HdlException extends RuntimeException {
    private final transient List<Diagnostic> errors;
    private final transient List<Diagnostic> warnings;

    public HdlException(List<Diagnostic> errors, List<Diagnostic> warnings) {
        super(errors.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
    }

    /** A single user-caused problem that makes further building impossible. */
    public HdlException(Diagnostic error) { this(List.of(error), List.of()); }

    public List<Diagnostic> errors() { return errors; }

    public List<Diagnostic> warnings() { return warnings; }
}
