package defernorm.cosim.fuzz;

/**
 * What one tool made of one design: it agreed with the built-in engine, disagreed (first differing cycle and
 * output in {@code detail}), or rejected the design (its error in {@code detail}).
 */
public record Outcome(Kind kind, String tool, String detail) {
    public enum Kind { AGREE, DISAGREE, REJECTED }

    public static Outcome agree(String tool) { return new Outcome(Kind.AGREE, tool, ""); }

    public boolean failed() { return kind != Kind.AGREE; }

    /** True when {@code other} is the same kind of failure by the same tool (what minimizing must keep). */
    public boolean sameFailure(Outcome other) { return failed() && kind == other.kind && tool.equals(other.tool); }

    /** One line for reports: the tool's first {@code %Error} line if it printed one, else the detail's first line. */
    public String summary() {
        String first = detail.lines().filter(l -> l.startsWith("%Error")).findFirst()
                .orElse(detail.lines().findFirst().orElse(""));
        return tool + " " + kind.name().toLowerCase() + (first.isEmpty() ? "" : ": " + first);
    }
}
