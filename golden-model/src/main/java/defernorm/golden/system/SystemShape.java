package defernorm.golden.system;

/**
 * The system around the tiles: how many tiles, how they are linked, and what a link costs
 * (docs/system.md). {@link #single()} is today's single top.
 *
 * <pre>{@code
 * SystemShape s = new SystemShape(4, Topology.RING, 10, 64);   // 4 tiles on a ring, 10 register stages per hop
 * }</pre>
 *
 * @param tiles      T, the number of tiles (1 to {@link #MAX_TILES}); tile t owns n/T of the vector
 * @param topology   ring or tree
 * @param hopLatency H, register stages on every link (0 allowed: a combinational hop)
 * @param linkBits   bits a statistics link carries per cycle; a wider message takes several cycles
 * @throws IllegalArgumentException with one sentence naming the broken rule
 */
public record SystemShape(int tiles, Topology topology, int hopLatency, int linkBits) {
    /** Largest supported number of tiles. */
    public static final int MAX_TILES = 16;
    /** Largest supported per-hop latency: keeps a 16-tile ring's registers within a simulator's reach. */
    public static final int MAX_HOP_LATENCY = 1000;
    /** Default statistics link width in bits per cycle. */
    public static final int DEFAULT_LINK_BITS = 64;

    public SystemShape {
        if (tiles < 1 || tiles > MAX_TILES) {
            throw new IllegalArgumentException("the number of tiles T must be between 1 and " + MAX_TILES + ", got " + tiles + ".");
        }
        if (topology == null) {
            throw new IllegalArgumentException("a topology is required: use ring or tree.");
        }
        if (hopLatency < 0 || hopLatency > MAX_HOP_LATENCY) {
            throw new IllegalArgumentException("the hop latency H must be between 0 and " + MAX_HOP_LATENCY + " cycles, got " + hopLatency + ".");
        }
        if (linkBits < 1 || linkBits > 4096) {
            throw new IllegalArgumentException("the link width must be between 1 and 4096 bits per cycle, got " + linkBits + ".");
        }
    }

    /** One tile: today's single top. */
    public static SystemShape single() {
        return new SystemShape(1, Topology.RING, 0, DEFAULT_LINK_BITS);
    }

    /** True when this is one tile (the single top). */
    public boolean isSingle() {
        return tiles == 1;
    }
}
