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
    private final StringBuilder line = new StringBuilder(128);
    private boolean headerWritten;
    /** True while writing the values of the first time step, which are all written (the initial dump). */
    private boolean first = true;
    private long lastTime = -1;

    private record Var(List<String> scope, String name, int width, String id, long[] last) {}

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
        vars.add(new Var(List.copyOf(scope), name, width, idCode(vars.size()), new long[(width + 63) / 64]));
        return vars.size() - 1;
    }

    /** Starts the values at time {@code t} (must not go backwards). */
    public void time(long t) {
        if (!headerWritten) writeHeader();
        else if (t != lastTime) first = false;
        if (t < lastTime) throw new IllegalArgumentException("VCD time went backwards: " + t + " < " + lastTime);
        if (t != lastTime) write("#" + t + "\n");
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

    private void emit(Var v) {
        line.setLength(0);
        if (v.width == 1) {
            line.append((v.last[0] & 1) == 0 ? '0' : '1');
        } else {
            line.append('b');
            for (int bit = v.width - 1; bit >= 0; bit--) {
                line.append(((v.last[bit >>> 6] >>> (bit & 63)) & 1) == 0 ? '0' : '1');
            }
            line.append(' ');
        }
        line.append(v.id).append('\n');
        write(line);
    }

    private void writeHeader() {
        headerWritten = true;
        StringBuilder h = new StringBuilder();
        h.append("$version defernorm $end\n$timescale 1ns $end\n");
        Scope root = new Scope();
        for (Var v : vars) {
            Scope s = root;
            for (String name : v.scope) s = s.children.computeIfAbsent(name, k -> new Scope());
            s.vars.add(v);
        }
        root.write(h, null);
        h.append("$enddefinitions $end\n");
        write(h);
    }

    private static final class Scope {
        final Map<String, Scope> children = new LinkedHashMap<>();
        final List<Var> vars = new ArrayList<>();

        void write(StringBuilder h, String name) {
            if (name != null) h.append("$scope module ").append(name).append(" $end\n");
            for (Var v : vars) {
                h.append("$var wire ").append(v.width).append(' ').append(v.id).append(' ').append(v.name);
                if (v.width > 1) h.append(" [").append(v.width - 1).append(":0]");
                h.append(" $end\n");
            }
            children.forEach((n, s) -> s.write(h, n));
            if (name != null) h.append("$upscope $end\n");
        }
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
