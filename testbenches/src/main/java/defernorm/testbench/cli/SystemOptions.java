package defernorm.testbench.cli;

import defernorm.golden.model.Params;
import defernorm.golden.system.SystemShape;
import defernorm.golden.system.Topology;
import picocli.CommandLine.Option;

/**
 * The system options of {@code cosim} and {@code generate} (docs/system.md): tiles, topology, hop latency,
 * link width. The defaults are one tile: today's single top. With T above 1, -P is the lanes of one tile
 * (the input stream has T·P lanes) and C is 0 unless given (the network is the collective).
 */
public final class SystemOptions {
    @Option(names = "--tiles", paramLabel = "T", defaultValue = "1",
            description = "Tiles of the system (1 to 16; T·P must divide n); 1 is the single top. Default: ${DEFAULT-VALUE}.")
    int tiles;

    @Option(names = "--topology", paramLabel = "TOPOLOGY", defaultValue = "ring",
            description = "How the tiles are linked: ring or tree. Default: ${DEFAULT-VALUE}.")
    String topology;

    @Option(names = "--hop-latency", paramLabel = "H", defaultValue = "1",
            description = "Register stages per link between tiles (0 to 1000). Default: ${DEFAULT-VALUE}.")
    int hopLatency;

    @Option(names = "--link-bits", paramLabel = "B", defaultValue = "" + SystemShape.DEFAULT_LINK_BITS,
            description = "Bits a statistics link carries per cycle. Default: ${DEFAULT-VALUE}.")
    int linkBits;

    /** The system shape, validated (a broken rule is one sentence, exit 2). */
    public SystemShape shape() {
        if (tiles == 1) {
            new SystemShape(1, Topology.parse(topology), hopLatency, linkBits);   // the same rules, for a clear sentence
            return SystemShape.single();
        }
        return new SystemShape(tiles, Topology.parse(topology), hopLatency, linkBits);
    }

    /** The shape options' parameters for this system: C defaults to 0 when there is more than one tile. */
    public Params params(ShapeOptions shape) {
        return shape.params(tiles > 1 ? 0 : ShapeOptions.DEFAULT_C);
    }
}
