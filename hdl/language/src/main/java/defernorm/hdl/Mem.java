package defernorm.hdl;

import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A word-addressed memory: exactly one synchronous write port (optional: without it the memory is a ROM
 * holding its {@link #init} contents) and any number of synchronous read ports (1 cycle, read-first).
 * Out-of-range reads return 0; out-of-range writes are ignored. Words are UInt({@code width}); addresses are
 * UInt({@link #addrWidth()}).
 *
 * <pre>{@code
 * Mem m = memory("table", 8, 16).init(new long[16]);
 * m.write(we, waddr, wdata);
 * Signal q = m.read("q", raddr, null);
 * }</pre>
 */
public final class Mem {
    final Builder owner;
    final String name;
    final int width;
    final int depth;
    final SourceLoc loc;
    List<BigInteger> init = List.of();
    Net wrEnable, wrAddr, wrData;
    SourceLoc writeLoc;
    final List<Net> reads = new ArrayList<>();

    Mem(Builder owner, String name, int width, int depth, SourceLoc loc) {
        this.owner = owner;
        this.name = name;
        this.width = width;
        this.depth = depth;
        this.loc = loc;
    }

    public String name() { return name; }

    public int width() { return width; }

    public int depth() { return depth; }

    /** Address width in bits, as {@link Memory#addrWidth()}. */
    public int addrWidth() { return Type.bitsFor(depth - 1); }

    /** Initial contents: exactly {@code depth} unsigned words. */
    public Mem init(List<BigInteger> words) { return init(words, SourceLocator.here()); }

    public Mem init(long[] words) {
        List<BigInteger> list = new ArrayList<>();
        for (long w : words) list.add(BigInteger.valueOf(w));
        return init(list, SourceLocator.here());
    }

    private Mem init(List<BigInteger> words, SourceLoc at) {
        if (words.size() != depth) {
            owner.error(at, "memory '" + name + "' has " + depth + " words but its init has " + words.size() + ".");
            return this;
        }
        for (int i = 0; i < words.size(); i++) {
            BigInteger w = words.get(i);
            if (w.signum() < 0 || w.bitLength() > width) {
                owner.error(at, "init word " + i + " of memory '" + name + "' is " + w + ", which does not fit UInt("
                        + width + ").");
                return this;
            }
        }
        init = List.copyOf(words);
        return this;
    }

    /**
     * The write port: on a rising clock edge with {@code enable} high, {@code data} is written at {@code addr}.
     * Inside a {@code when}, the write also needs the when's condition.
     */
    public void write(Signal enable, Signal addr, Signal data) {
        SourceLoc at = SourceLocator.here();
        if (wrEnable != null) {
            owner.error(at, "memory '" + name + "' already has a write port (at " + writeLoc
                    + "); a memory has exactly one write port.");
            return;
        }
        boolean ok = owner.isBool(enable.net, at, "the write enable of memory '" + name + "'");
        ok &= checkAddr(addr, at);
        ok &= owner.owns(data.net, at) && owner.sameType(Type.uint(width), data.type(), at, "the write data of memory '" + name + "'");
        if (!ok) return;
        Net en = enable.net;
        Net path = owner.pathCondition(at);
        if (path != null) en = owner.and(path, en, at);
        wrEnable = en;
        wrAddr = addr.net;
        wrData = data.net;
        writeLoc = at;
    }

    /**
     * A synchronous read port named {@code name}: one cycle after {@code addr} is presented (with
     * {@code enable} high, or always if {@code enable} is null) the word appears on the returned UInt.
     */
    public Signal read(String name, Signal addr, Signal enable) {
        SourceLoc at = SourceLocator.here();
        Net r = owner.named(Net.Kind.MEMREAD, name, Type.uint(width), at);
        r.mem = this;
        boolean ok = checkAddr(addr, at);
        if (enable != null) ok &= owner.isBool(enable.net, at, "the read enable of '" + name + "'");
        if (ok) r.args = enable == null ? List.of(addr.net) : List.of(addr.net, enable.net);
        else r.args = List.of(owner.constant(BigInteger.ZERO, Type.uint(addrWidth()), at));
        reads.add(r);
        return new Signal(r);
    }

    private boolean checkAddr(Signal addr, SourceLoc at) {
        return owner.owns(addr.net, at)
                && owner.sameType(Type.uint(addrWidth()), addr.type(), at, "the address of memory '" + name + "'");
    }
}
