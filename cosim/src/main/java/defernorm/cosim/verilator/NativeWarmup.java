package defernorm.cosim.verilator;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes the FFM linker's one-time set-up and {@link NativeSession}'s downcall handles (~0.25 s of CPU in
 * a cold JVM) on a daemon thread, so that the first in-process simulation emits and hashes its Verilog
 * meanwhile. Opening a session then waits for the class initialization only if it is not done yet.
 *
 * <pre>{@code
 * NativeWarmup.startOnce();   // before the work that precedes new NativeSession(...)
 * }</pre>
 */
final class NativeWarmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private NativeWarmup() {}

    /** Starts the warm-up, the first time only. */
    static void startOnce() {
        // The lambda names NativeSession only in its body, so the class is initialized on the new thread.
        if (STARTED.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("verilator-ffm-warmup").start(() -> NativeSession.prepare());
        }
    }
}
