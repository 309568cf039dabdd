package defernorm.cosim.testbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Takes words from an AXI4-Stream output of the design, raising {@code tready} on a seeded random share
 * of the cycles (backpressure, a {@link ReadyPattern} as the main checker uses), and keeps every word taken.
 *
 * <pre>{@code
 * StreamSink sink = new StreamSink(tb, StreamPorts.of(sim, "out_valid", "out_ready", "out_data"), 0.5, 7);
 * tb.forkDaemon("wait", () -> { while (sink.received().size() < 3) tb.step(); });
 * tb.run(1_000);
 * }</pre>
 */
public final class StreamSink {
    private final StreamPorts ports;
    private final List<Long> received = new ArrayList<>();

    /** @param readyShare the chance each cycle that {@code tready} is high (1.0: always ready) */
    public StreamSink(Testbench tb, StreamPorts ports, double readyShare, long seed) {
        this.ports = Objects.requireNonNull(ports, "ports");
        ports.valid().checkBelongsTo(tb.simulation());
        ReadyPattern pattern = new ReadyPattern(readyShare, seed);
        ports.ready().poke(0);
        tb.forkDaemon("sink " + ports.ready().name(), () -> {
            while (true) {
                ports.ready().poke(pattern.next() ? 1 : 0);
                tb.step();
            }
        });
        tb.onEdge(cycle -> {
            if (ports.fires()) received.add(ports.data().peekLong());
        });
    }

    /** Every word taken so far, in order. */
    public List<Long> received() { return List.copyOf(received); }
}
