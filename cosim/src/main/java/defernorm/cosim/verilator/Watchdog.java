package defernorm.cosim.verilator;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Declares a child process hung when one of its blocking operations (a read of its replies, a write of
 * commands) lasts longer than the timeout, and then runs {@code onHang} once (which kills the child, so
 * the blocked call returns). Each thread that blocks on the child uses its own {@link Slot}, so the batch
 * writer and the reader are watched independently. Arming is a volatile write: cheap enough to do around
 * every underlying read/write of a buffered stream.
 */
final class Watchdog implements AutoCloseable {
    private final long timeoutNanos;
    private final Runnable onHang;
    private final Slot[] slots = {new Slot(), new Slot()};
    private final Thread thread;
    private volatile boolean fired;
    private volatile boolean closed;

    /** A blocking operation's deadline; {@code Long.MAX_VALUE} when idle. */
    final class Slot {
        private volatile long deadline = Long.MAX_VALUE;

        void arm() { deadline = System.nanoTime() + timeoutNanos; }

        void disarm() { deadline = Long.MAX_VALUE; }
    }

    Watchdog(Duration timeout, String name, Runnable onHang) {
        this.timeoutNanos = timeout.toNanos();
        this.onHang = onHang;
        this.thread = new Thread(this::watch, "watchdog-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    Slot reader() { return slots[0]; }

    Slot writer() { return slots[1]; }

    boolean fired() { return fired; }

    Duration timeout() { return Duration.ofNanos(timeoutNanos); }

    private void watch() {
        // Poll: arming stays a plain volatile write, and a hang is seen within a quarter of the timeout.
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(5), Math.min(timeoutNanos / 4, TimeUnit.MILLISECONDS.toNanos(200)));
        while (!closed) {
            LockSupport.parkNanos(period);
            long now = System.nanoTime();
            for (Slot s : slots) {
                long d = s.deadline;
                if (d != Long.MAX_VALUE && now - d > 0) {
                    fired = true;
                    onHang.run();
                    return;
                }
            }
        }
    }

    @Override public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
