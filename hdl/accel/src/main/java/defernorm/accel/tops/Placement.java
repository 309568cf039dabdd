package defernorm.accel.tops;

/**
 * Where a datapath is built (docs/system.md): as a whole single top, as one tile of a T-tile system (front,
 * reduction, factor chain, MAC array and drain; its statistics and its drained groups leave through ports),
 * or as the outside of a system (the single top's ports at T·P lanes and the root's output stage).
 *
 * <pre>{@code
 * Placement.single();    // today's top
 * Placement.tile(4);     // one of 4 tiles: statistics sized for the whole vector, no output stage
 * }</pre>
 *
 * @param kind  single top, tile or system outside
 * @param tiles T, the number of tiles of the system (1 for a single top)
 */
public record Placement(Kind kind, int tiles) {
    /** What is built. */
    public enum Kind { SINGLE, TILE, SYSTEM }

    public Placement {
        if (tiles < 1 || (kind == Kind.SINGLE && tiles != 1)) {
            throw new IllegalArgumentException("a " + kind + " placement needs a valid number of tiles, not " + tiles + ".");
        }
    }

    public static Placement single() { return new Placement(Kind.SINGLE, 1); }

    public static Placement tile(int tiles) { return new Placement(Kind.TILE, tiles); }

    public static Placement system(int tiles) { return new Placement(Kind.SYSTEM, tiles); }

    public boolean isTile() { return kind == Kind.TILE; }
}
