package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;

import java.util.List;

/**
 * One problem found while building or elaborating a design: where (the user's source line), how bad, and a
 * one-sentence message. {@link #toString()} prints {@code File.java:12: message} (warnings as
 * {@code File.java:12: warning: message}), followed by indented detail lines if any (e.g. the hops of a
 * combinational loop).
 *
 * <pre>{@code
 * try { Elaborator.elaborate(top); }
 * catch (HdlException e) { for (Diagnostic d : e.errors()) System.err.println(d.loc().file() + " " + d.message()); }
 * }</pre>
 */
public record Diagnostic(Severity severity, SourceLoc loc, String message, List<String> details) {
    public enum Severity { ERROR, WARNING }

    public Diagnostic { details = List.copyOf(details); }

    public static Diagnostic error(SourceLoc loc, String message) {
        return new Diagnostic(Severity.ERROR, loc, message, List.of());
    }

    public static Diagnostic warning(SourceLoc loc, String message) {
        return new Diagnostic(Severity.WARNING, loc, message, List.of());
    }

    public boolean isError() { return severity == Severity.ERROR; }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder().append(loc).append(": ");
        if (severity == Severity.WARNING) sb.append("warning: ");
        sb.append(message);
        for (String d : details) sb.append("\n    ").append(d);
        return sb.toString();
    }
}
