package defernorm.cosim.testbench;

import defernorm.cosim.Port;
import defernorm.cosim.Simulation;

/**
 * The three signals of one AXI4-Stream channel, as port handles of one simulation: {@code tvalid},
 * {@code tready} and {@code tdata} (at most 64 bits).
 *
 * <pre>{@code
 * StreamPorts in = StreamPorts.of(sim, "in_valid", "in_ready", "in_data");
 * }</pre>
 */
public record StreamPorts(Port valid, Port ready, Port data) {

    public StreamPorts {
        data.checkBelongsTo(valid.simulation());
        ready.checkBelongsTo(valid.simulation());
        if (data.type().width() > 64) {
            throw new IllegalArgumentException("stream data port " + data.name() + " is " + data.type().width()
                    + " bits wide; the stream drivers carry at most 64 bits");
        }
    }

    /** The channel's ports by name. */
    public static StreamPorts of(Simulation sim, String valid, String ready, String data) {
        return new StreamPorts(sim.port(valid), sim.port(ready), sim.port(data));
    }

    /** Whether the settled values show a transfer this cycle (valid and ready both high). */
    boolean fires() { return valid.peekLong() == 1 && ready.peekLong() == 1; }
}
