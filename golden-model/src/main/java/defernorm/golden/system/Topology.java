package defernorm.golden.system;

import java.util.Locale;

/**
 * How the tiles of a system are linked for their collectives (docs/system.md).
 *
 * <pre>{@code
 * Topology t = Topology.parse("tree");   // TREE
 * }</pre>
 */
public enum Topology {
    /** A unidirectional ring: tile i sends to tile (i+1) mod T; reduce toward tile 0, then broadcast. */
    RING,
    /** A binary tree rooted at tile 0: reduce up ceil(log2 T) levels, then broadcast down. */
    TREE;

    /** The topology named {@code s} (case-insensitive), or one sentence naming the choices. */
    public static Topology parse(String s) {
        for (Topology t : values()) {
            if (t.name().equalsIgnoreCase(s.trim())) return t;
        }
        throw new IllegalArgumentException("unknown topology '" + s + "': use ring or tree.");
    }

    /** The lower-case name used on the command line and in JSON. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
