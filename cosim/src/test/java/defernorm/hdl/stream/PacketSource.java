package defernorm.hdl.stream;

import defernorm.cosim.Port;
import defernorm.cosim.Simulation;
import defernorm.cosim.testbench.SourceHandshake;
import defernorm.cosim.testbench.Testbench;
import java.util.ArrayDeque;

/** Drives one input stream ({@code <prefix>_valid/_data}, or a {@link Packet} stream's {@code _data_word/_data_last}) by the source rule of {@link SourceHandshake}. */
final class PacketSource {
    record Beat(long data, boolean last) {}

    private final ArrayDeque<Beat> queue = new ArrayDeque<>();
    private final SourceHandshake handshake;

    PacketSource(Testbench tb, String prefix, boolean hasLast, double validShare, long seed) {
        Simulation sim = tb.simulation();
        Port valid = sim.port(prefix + "_valid"), ready = sim.port(prefix + "_ready"), data = sim.port(prefix + (hasLast ? "_data_word" : "_data"));
        Port last = hasLast ? sim.port(prefix + "_data_last") : null;
        handshake = new SourceHandshake(validShare, seed);
        valid.poke(0);
        tb.forkDaemon("source " + prefix, () -> {
            while (true) {
                boolean was = handshake.offering();
                boolean v = handshake.offer(!queue.isEmpty());
                if (v && !was) {
                    data.poke(queue.peek().data());
                    if (last != null) last.poke(queue.peek().last() ? 1 : 0);
                }
                valid.poke(v ? 1 : 0);
                tb.step();
            }
        });
        tb.onEdge(cycle -> { if (handshake.taken(ready.peekLong() == 1)) queue.poll(); });
    }

    /** Queues a packet of {@code words} (its last beat marked). */
    void sendPacket(long... words) {
        for (int i = 0; i < words.length; i++) queue.add(new Beat(words[i], i == words.length - 1));
    }

    int pending() { return queue.size(); }
}
