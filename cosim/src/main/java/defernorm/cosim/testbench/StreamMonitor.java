package defernorm.cosim.testbench;

import java.util.ArrayList;
import java.util.List;

/**
 * Watches one AXI4-Stream channel without driving it: records every transfer with its cycle, and every
 * breach of the rule that once {@code tvalid} is high it stays high, with {@code tdata} unchanged, until
 * the transfer.
 *
 * <pre>{@code
 * StreamMonitor mon = new StreamMonitor(tb, StreamPorts.of(sim, "out_valid", "out_ready", "out_data"));
 * ...
 * assertEquals(List.of(), mon.violations());
 * }</pre>
 */
public final class StreamMonitor {
    /** One transfer: the cycle it happened in and its word. */
    public record Transfer(long cycle, long data) {}

    private final List<Transfer> transfers = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private boolean waiting;   // valid was high without ready last cycle
    private long waitingData;

    public StreamMonitor(Testbench tb, StreamPorts ports) {
        ports.valid().checkBelongsTo(tb.simulation());
        String name = ports.valid().name();
        tb.onEdge(cycle -> {
            boolean valid = ports.valid().peekLong() == 1;
            long data = valid ? ports.data().peekLong() : 0;
            if (waiting && !valid) violations.add("cycle " + cycle + ": " + name + " fell before the transfer");
            else if (waiting && data != waitingData) {
                violations.add("cycle " + cycle + ": " + ports.data().name() + " changed from " + waitingData + " to "
                        + data + " while waiting for " + ports.ready().name());
            }
            boolean fired = valid && ports.ready().peekLong() == 1;
            if (fired) transfers.add(new Transfer(cycle, data));
            waiting = valid && !fired;
            waitingData = data;
        });
    }

    public List<Transfer> transfers() { return List.copyOf(transfers); }

    /** Protocol breaches seen, one sentence each; empty when the channel behaved. */
    public List<String> violations() { return List.copyOf(violations); }
}
