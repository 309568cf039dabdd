package defernorm.testbench.check;

import java.nio.file.Path;

/** The cycles {@code from..to} (simulation cycles, inclusive) to dump into {@code file}. */
record WaveWindow(long from, long to, Path file) {}
