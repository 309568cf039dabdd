package defernorm.cosim.verilator;

import defernorm.eda.ProcessRunner;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The running harness binary of one session: its pipes (commands out, replies in), a copy of every byte
 * sent written to the replay log, a {@link Watchdog} that kills it when it hangs, and the tail of its
 * stderr for error messages. Any failure becomes one {@link VerilatorException} saying whether the child
 * crashed (and how) or hung, and how to replay the session.
 * Not run through {@link ProcessRunner}: this child lives for the whole session and talks over its pipes,
 * so it is only registered there ({@link ProcessRunner#killAtExit}) for the shared exit hook.
 */
final class ModelProcess implements AutoCloseable {
    /** The harness's exit code after the design stopped itself (harness.cpp, modelStopped). */
    private static final int STOPPED_EXIT = 4;
    private static final String HARNESS_PREFIX = "defernorm harness:";

    private final String design;
    private final Path binary;
    private final Path replayFile;
    private final Process process;
    private final Watchdog watchdog;
    private final OutputStream replay;
    private final OutputStream rawOut;   // watched, teed; unbuffered
    private final BufferedOutputStream out;
    private final InputStream in;
    private final StderrTail stderr;
    private final byte[] scratch = new byte[16];
    /** Bytes the replay log may still take: system property {@code defernorm.replay.maxBytes}, default 256 MiB. */
    private long replayRoom = Long.getLong("defernorm.replay.maxBytes", 256L << 20);
    private volatile VerilatorException failure;

    ModelProcess(Path binary, String design, Path replayFile, Duration timeout) {
        this.design = design;
        this.binary = binary;
        this.replayFile = replayFile;
        try {
            Files.createDirectories(replayFile.toAbsolutePath().getParent());
            this.replay = new BufferedOutputStream(Files.newOutputStream(replayFile), 1 << 16);
            this.process = new ProcessBuilder(binary.toString()).start();
        } catch (IOException e) {
            throw new UnusableModel("could not start " + binary + ": " + e.getMessage(), e);
        }
        ProcessRunner.killAtExit(process);   // a hung child never sees its stdin close: it must not outlive the JVM
        this.watchdog = new Watchdog(timeout, design, this::kill);
        this.stderr = new StderrTail(process.getErrorStream(), design);
        Watchdog.Slot writeSlot = watchdog.writer();
        OutputStream childIn = process.getOutputStream();
        this.rawOut = new OutputStream() {
            @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

            @Override public void write(byte[] b, int off, int len) throws IOException {
                logReplay(b, off, len);
                writeSlot.arm();
                try {
                    childIn.write(b, off, len);
                } finally {
                    writeSlot.disarm();
                }
            }

            @Override public void flush() throws IOException {
                replay.flush();
                writeSlot.arm();
                try {
                    childIn.flush();
                } finally {
                    writeSlot.disarm();
                }
            }
        };
        this.out = new BufferedOutputStream(rawOut, 1 << 16);
        Watchdog.Slot readSlot = watchdog.reader();
        InputStream childOut = process.getInputStream();
        this.in = new BufferedInputStream(new InputStream() {
            @Override public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override public int read(byte[] b, int off, int len) throws IOException {
                readSlot.arm();
                try {
                    return childOut.read(b, off, len);
                } finally {
                    readSlot.disarm();
                }
            }
        }, 1 << 16);
    }

    /**
     * Appends sent bytes to the replay log until it reaches its size limit; a longer session's
     * log replays its beginning (the harness stops quietly where the log ends).
     */
    private void logReplay(byte[] b, int off, int len) throws IOException {
        if (replayRoom <= 0) return;
        int n = (int) Math.min(len, replayRoom);
        replay.write(b, off, n);
        replayRoom -= n;
    }

    /** Reads the harness's greeting and returns the net count it was generated with. */
    int hello() {
        byte[] h = new byte[8];
        readFully(h, 0, 8, "starting", true);
        if (!Arrays.equals(Arrays.copyOf(h, 4), Protocol.HELLO)) {
            throw fail("starting", "it did not greet with the protocol's hello");
        }
        return WireValues.getInt(h, 4);
    }

    long pid() { return process.pid(); }

    Path replayFile() { return replayFile; }

    // ---- commands (buffered; flushed by flush() or before a read) ----

    void writeByte(int b) { write(new byte[] {(byte) b}, 0, 1); }

    void writeInt(int v) {
        WireValues.putInt(scratch, 0, v);
        write(scratch, 0, 4);
    }

    void writeLong(long v) {
        WireValues.putLong(scratch, 0, v);
        write(scratch, 0, 8);
    }

    void write(byte[] b, int off, int len) {
        checkUsable();
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw fail("sending commands", null);
        }
    }

    void flush() {
        checkUsable();
        try {
            out.flush();
        } catch (IOException e) {
            throw fail("sending commands", null);
        }
    }

    /**
     * Reads exactly {@code len} reply bytes, first flushing pending commands if {@code flushFirst} (not while
     * a batch writer owns the command stream); a crash, a hang or a closed pipe becomes a VerilatorException.
     */
    void readFully(byte[] b, int off, int len, String doing, boolean flushFirst) {
        checkUsable();
        try {
            if (flushFirst) out.flush();
            int n = in.readNBytes(b, off, len);
            if (n < len) throw fail(doing, null);
        } catch (IOException e) {
            throw fail(doing, null);
        }
    }

    /** Reads at least one and at most {@code len} reply bytes (what has arrived); failures as in readFully. */
    int readSome(byte[] b, int off, int len, String doing) {
        checkUsable();
        try {
            int n = in.read(b, off, len);
            if (n <= 0) throw fail(doing, null);
            return n;
        } catch (IOException e) {
            throw fail(doing, null);
        }
    }

    private void checkUsable() {
        if (failure != null) {
            throw new IllegalStateException("this simulation has ended after an earlier error: " + failure.getMessage());
        }
    }

    /**
     * Records and returns the error explaining why the child stopped answering: hung (the watchdog fired),
     * crashed (exit code or signal, with its stderr), or exited. The child is killed in every case.
     */
    synchronized VerilatorException fail(String doing, String detail) {
        if (failure != null) return failure;
        boolean hung = watchdog.fired();
        String reason;
        if (hung) {
            reason = "did not answer within " + seconds(watchdog.timeout()) + " while " + doing
                    + ", so it was killed (raise SimOptions.timeout if the design is just slow)";
        } else if (detail != null) {
            reason = detail + " while " + doing;
            kill();
        } else {
            Integer code = exitCode();
            String said = stderr.text().strip();
            if (code != null && code == STOPPED_EXIT && said.startsWith(HARNESS_PREFIX)) {
                // $finish/$stop/$fatal: the same words as the in-process mode, then how to replay it
                failure = new VerilatorException("The Verilator model of " + design + " stopped while " + doing + ": "
                        + said.substring(HARNESS_PREFIX.length()).strip() + ". Reproduce it without Java: " + binary
                        + " --replay " + replayFile.toAbsolutePath());
                kill();
                return failure;
            }
            reason = code == null ? "stopped answering while " + doing
                    : code > 128 ? "crashed while " + doing + " (killed by signal " + (code - 128) + signalName(code - 128) + ")"
                    : "exited with code " + code + " while " + doing;
            kill();
        }
        String err = stderr.text().strip();
        failure = new VerilatorException("The Verilator model of " + design + " " + reason + "."
                + (err.isEmpty() ? "" : " Its stderr said: " + err + ".")
                + " Reproduce it without Java: " + binary + " --replay " + replayFile.toAbsolutePath());
        return failure;
    }

    private Integer exitCode() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                stderr.awaitEnd();
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static String signalName(int sig) {
        return switch (sig) {
            case 6 -> " SIGABRT";
            case 9 -> " SIGKILL";
            case 11 -> " SIGSEGV";
            case 15 -> " SIGTERM";
            default -> "";
        };
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private void kill() {
        process.destroyForcibly();
        ProcessRunner.forget(process);
    }

    /** Asks the child to quit, waits briefly, kills it if needed, closes the replay log. Never throws. */
    @Override public void close() {
        try {
            if (failure == null && process.isAlive()) {
                out.write(Protocol.QUIT);
                out.flush();
                process.getOutputStream().close();
                if (!process.waitFor(5, TimeUnit.SECONDS)) kill();
            }
        } catch (IOException | RuntimeException e) {
            // the child is gone already; nothing to tell the caller
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            kill();
            watchdog.close();
            try {
                replay.close();
            } catch (IOException ignored) {
                // best effort: the log is a debugging aid
            }
        }
    }
}
