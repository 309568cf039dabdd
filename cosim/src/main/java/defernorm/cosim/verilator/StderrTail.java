package defernorm.cosim.verilator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the last few KiB the child wrote to stderr, read by a daemon thread so the pipe never fills. */
final class StderrTail {
    private final StringBuilder tail = new StringBuilder();
    private final Thread thread;

    StderrTail(InputStream err, String design) {
        thread = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = err.read(buf)) > 0; ) {
                    synchronized (tail) {
                        tail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        if (tail.length() > 4096) tail.delete(0, tail.length() - 4096);
                    }
                }
            } catch (IOException ignored) {
                // the child went away
            }
        }, "stderr-" + design);
        thread.setDaemon(true);
        thread.start();
    }

    void awaitEnd() throws InterruptedException { thread.join(500); }

    String text() {
        synchronized (tail) {
            return tail.toString();
        }
    }
}
