package defernorm.hdl;

import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;

import java.math.BigInteger;
import java.util.List;

/**
 * The builder's mutable view of one net before elaboration: operands are other nets (not names), and
 * temporaries have no name until {@link NetNamer} derives one from their structure.
 */
final class Net {
    enum Kind { INPUT, OUTPUT, WIRE, CONST, UNARY, BINARY, SLICE, CONCAT, MUX, RESIZE, CAST, REG, MEMREAD, INSTOUT;
        boolean assignable() { return this == OUTPUT || this == WIRE || this == REG; }
        boolean temporary() {
            return this == CONST || this == UNARY || this == BINARY || this == SLICE || this == CONCAT
                    || this == MUX || this == RESIZE || this == CAST;
        }
    }

    final Builder owner;
    final Kind kind;
    final Type type;
    final SourceLoc loc;
    final int seq;
    /** The user's name, or null for a temporary. */
    String name;
    /** Where the name was given (declaration or {@code named}). */
    SourceLoc nameLoc;
    List<Net> args = List.of();
    Node.UnaryOp unaryOp;
    Node.BinaryOp binaryOp;
    int hi, lo;
    /** CONST value, or REG reset value (null: no reset). */
    BigInteger value;
    /** REG user enable (null: none) and where it was given. */
    Net enable;
    SourceLoc enableLoc;
    Mem mem;
    /** INSTOUT: the instance read; WIRE: the instance whose input {@link #port} this wire drives (else null). */
    Inst inst;
    String port;
    /** The enum class of an enum-typed net (declared with one, an enum constant, or a mux of two), else null. */
    Class<? extends Enum<?>> enumClass;
    /** True for a field declared flipped in its bundle's shape (it flows the other way, e.g. {@code ready}). */
    boolean flipped;

    Net(Builder owner, Kind kind, Type type, SourceLoc loc, int seq) {
        this.owner = owner;
        this.kind = kind;
        this.type = type;
        this.loc = loc;
        this.seq = seq;
    }

    /** How error messages refer to this net, e.g. {@code wire 'sum'} or {@code a temporary from Foo.java:12}. */
    String describe() {
        if (name == null) return "a temporary from " + loc;
        return switch (kind) {
            case INPUT -> "input '" + name + "'";
            case OUTPUT -> "output '" + name + "'";
            case WIRE -> inst != null ? "input '" + port + "' of instance '" + inst.name + "'" : "wire '" + name + "'";
            case REG -> "register '" + name + "'";
            case MEMREAD -> "memory read '" + name + "'";
            case INSTOUT -> "instance output '" + name + "'";
            default -> "signal '" + name + "'";
        };
    }
}
