package defernorm.cosim.testbench;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Drives an AXI4-Stream input of the design: sends the words queued with {@link #send}, raising
 * {@code tvalid} on a seeded random share of the cycles, and, as the protocol requires, holding
 * {@code tvalid} and {@code tdata} steady once raised until the design takes the word ({@code tready});
 * the rule itself is {@link SourceHandshake}, shared with the main checker.
 *
 * <pre>{@code
 * StreamSource src = new StreamSource(tb, StreamPorts.of(sim, "in_valid", "in_ready", "in_data"), 0.7, 42);
 * src.send(1, 2, 3);
 * tb.forkDaemon("wait", () -> { while (src.pending() > 0) tb.step(); });
 * tb.run(1_000);
 * }</pre>
 */
public final class StreamSource {
    private final StreamPorts ports;
    private final SourceHandshake handshake;
    private final ArrayDeque<Long> queue = new ArrayDeque<>();
    private long sent;

    /**
     * @param validShare the chance, each cycle with a word waiting and none offered, that the source offers it
     *                   (1.0: back to back)
     * @param seed       the random pattern's seed (the same seed, the same pattern)
     */
    public StreamSource(Testbench tb, StreamPorts ports, double validShare, long seed) {
        this.ports = Objects.requireNonNull(ports, "ports");
        ports.valid().checkBelongsTo(tb.simulation());
        this.handshake = new SourceHandshake(validShare, seed);
        ports.valid().poke(0);
        tb.forkDaemon("source " + ports.valid().name(), () -> {
            while (true) {
                drive();
                tb.step();
            }
        });
        tb.onEdge(cycle -> sample());
    }

    /** Queues words to send, in order. */
    public void send(long... words) {
        for (long w : words) queue.add(w);
    }

    /** Words queued and not yet taken by the design. */
    public int pending() { return queue.size(); }

    /** Words the design has taken. */
    public long sent() { return sent; }

    private void drive() {
        boolean wasOffering = handshake.offering();
        boolean valid = handshake.offer(!queue.isEmpty());
        if (valid && !wasOffering) ports.data().poke(queue.peek());
        ports.valid().poke(valid ? 1 : 0);
    }

    private void sample() {
        if (handshake.taken(ports.ready().peekLong() == 1)) {
            queue.poll();
            sent++;
        }
    }
}
