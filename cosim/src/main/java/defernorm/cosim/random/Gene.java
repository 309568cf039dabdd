package defernorm.cosim.random;

/**
 * One instruction of a {@link Genome}: {@code kind} picks what to add (see {@link RandomDesign}), the other
 * numbers pick operands, widths and constants. Any non-negative numbers are valid, and smaller numbers give
 * simpler hardware (kind 0 is an input, widths grow with the number), so shrinking toward 0 shrinks the
 * design.
 */
public record Gene(int kind, int a, int b, int c, int d) {
    public Gene {
        if (kind < 0 || a < 0 || b < 0 || c < 0 || d < 0) throw new IllegalArgumentException("gene numbers must be >= 0");
    }
}
