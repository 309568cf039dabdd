package defernorm.cosim.support;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Value Change Dump (IEEE 1364 VCD) writer. Declare variables (each in a scope path), then give
 * values at increasing times; only values that changed are written. Values are two-state bit patterns:
 * one {@code long} for up to 64 bits, little-endian words beyond that.
 *
 * <pre>{@code
 * try (VcdWriter vcd = VcdWriter.open(Path.of("run.vcd"))) {
 *     int clk = vcd.addVar(List.of("TOP"), "clk", 1);
 *     int q = vcd.addVar(List.of("TOP", "counter"), "q", 8);
 *     vcd.time(0); vcd.value(clk, 0); vcd.value(q, 0);
 *     vcd.time(5); vcd.value(clk, 1); vcd.value(q, 1);
 * }
 * }</pre>
 */
public final class VcdWriter implements Closeable {
    private final Writer out;
    private final List<Var> vars = new ArrayList<>();
    /** Every declaration in order: a variable's own and its aliases' (same identifier code). */
    private final List<Decl> decls = new ArrayList<>();
    /** The binary digits of 0..15, four characters each, most significant first. */
    private static final char[] NIBBLES = nibbles();
    private final StringBuilder line = new StringBuilder(32);
    private char[] buffer = new char[128];
    private boolean headerWritten;
    /** True while writing the values of the first time step, which are all written (the initial dump). */
    private boolean first = true;
    private long lastTime = -1;

    private record Var(int width, String id, long[] last) {}

    private record Decl(List<String> scope, String name, Var var) {}

    /** Writes to {@code out} (buffer it: values go out line by line); {@link #close} closes it. */
    public VcdWriter(Writer out) { this.out = out; }

    /** Creates (or truncates) {@code file}, making its parent directories. */
    public static VcdWriter open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return new VcdWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write waveform file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Declares a variable of {@code width} bits in the nested {@code scope}; returns its handle. */
    public int addVar(List<String> scope, String name, int width) {
        if (headerWritten) throw new IllegalStateException("VCD variables must be declared before the first time");
        Var v = new Var(width, idCode(vars.size()), new long[(width + 63) / 64]);
        vars.add(v);
        decls.add(new Decl(List.copyOf(scope), name, v));
        return vars.size() - 1;
    }

    /**
     * Declares another name for variable {@code var} (a port seen from inside its module, a clock in every
     * scope): the same identifier code, so a viewer shows one net under both names and its values are
     * written once.
     */
    public void addAlias(List<String> scope, String name, int var) {
        if (headerWritten) throw new IllegalStateException("VCD variables must be declared before the first time");
        decls.add(new Decl(List.copyOf(scope), name, vars.get(var)));
    }

    /** Starts the values at time {@code t} (must not go backwards). */
    public void time(long t) {
        if (!headerWritten) writeHeader();
        else if (t != lastTime) first = false;
        if (t < lastTime) throw new IllegalArgumentException("VCD time went backwards: " + t + " < " + lastTime);
        if (t != lastTime) {
            line.setLength(0);
            write(line.append('#').append(t).append('\n'));
        }
        lastTime = t;
    }

    /** Sets a variable of at most 64 bits. */
    public void value(int var, long value) {
        Var v = vars.get(var);
        if (!first && v.last[0] == value) return;
        v.last[0] = value;
        emit(v);
    }

    /** Sets a variable from {@code words} starting at {@code offset} (little-endian 64-bit words). */
    public void value(int var, long[] words, int offset) {
        Var v = vars.get(var);
        boolean same = !first;
        for (int i = 0; i < v.last.length && same; i++) same = v.last[i] == words[offset + i];
        if (same) return;
        System.arraycopy(words, offset, v.last, 0, v.last.length);
        emit(v);
    }

    /**
     * Writes a value line. Wide values go out four bits at a time from {@link #NIBBLES} into a reused buffer:
     * a bus of thousands of bits (a 32×32 weight tile is 8,192) changes every cycle, and building it one
     * character at a time dominated waveform dumps.
     */
    private void emit(Var v) {
        int w = v.width;
        char[] b = lineBuffer(w + v.id.length() + 3);
        int at = 0;
        if (w == 1) {
            b[at++] = (v.last[0] & 1) == 0 ? '0' : '1';
        } else {
            b[at++] = 'b';
            for (int bit = w - 1; bit >= (w & ~3); bit--) b[at++] = ((v.last[bit >>> 6] >>> (bit & 63)) & 1) == 0 ? '0' : '1';
            for (int nib = (w >>> 2) - 1; nib >= 0; nib--) {
                int x = (int) (v.last[nib >>> 4] >>> ((nib & 15) << 2)) & 15;
                System.arraycopy(NIBBLES, x << 2, b, at, 4);
                at += 4;
            }
            b[at++] = ' ';
        }
        v.id.getChars(0, v.id.length(), b, at);
        at += v.id.length();
        b[at++] = '\n';
        try { out.write(b, 0, at); } catch (IOException e) { throw new UncheckedIOException("cannot write waveform: " + e.getMessage(), e); }
    }

    /** The reused value-line buffer, grown to at least {@code size} characters. */
    private char[] lineBuffer(int size) {
        if (buffer.length < size) buffer = new char[Math.max(size, 2 * buffer.length)];
        return buffer;
    }

    private void writeHeader() {
        headerWritten = true;
        StringBuilder h = new StringBuilder();
        h.append("$version defernorm $end\n$timescale 1ns $end\n");
        Scope root = new Scope();
        for (Decl d : decls) {
            Scope s = root;
            for (String name : d.scope) s = s.children.computeIfAbsent(name, k -> new Scope());
            s.decls.add(d);
        }
        root.write(h, null);
        h.append("$enddefinitions $end\n");
        write(h);
    }

    private static final class Scope {
        final Map<String, Scope> children = new LinkedHashMap<>();
        final List<Decl> decls = new ArrayList<>();

        void write(StringBuilder h, String name) {
            if (name != null) h.append("$scope module ").append(name).append(" $end\n");
            for (Decl d : decls) {
                Var v = d.var;
                h.append("$var wire ").append(v.width).append(' ').append(v.id).append(' ').append(d.name);
                if (v.width > 1) h.append(" [").append(v.width - 1).append(":0]");
                h.append(" $end\n");
            }
            children.forEach((n, s) -> s.write(h, n));
            if (name != null) h.append("$upscope $end\n");
        }
    }

    private static char[] nibbles() {
        char[] c = new char[64];
        for (int x = 0; x < 16; x++) for (int i = 0; i < 4; i++) c[4 * x + i] = ((x >>> (3 - i)) & 1) == 0 ? '0' : '1';
        return c;
    }

    private static String idCode(int index) {
        StringBuilder sb = new StringBuilder();
        int i = index;
        do { sb.append((char) ('!' + i % 94)); i = i / 94 - 1; } while (i >= 0);
        return sb.toString();
    }

    private void write(CharSequence s) {
        try { out.append(s); } catch (IOException e) { throw new UncheckedIOException("cannot write waveform: " + e.getMessage(), e); }
    }

    @Override public void close() {
        try { out.close(); } catch (IOException e) { throw new UncheckedIOException("cannot close waveform: " + e.getMessage(), e); }
    }
}
