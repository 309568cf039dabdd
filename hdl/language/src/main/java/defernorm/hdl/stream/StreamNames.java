package defernorm.hdl.stream;

import defernorm.hdl.ir.Type;

/** The payload part of a stream block's module name: {@code U8}, {@code S16}. */
final class StreamNames {
    private StreamNames() {}

    static String of(Type payload) { return (payload.signed() ? "S" : "U") + payload.width(); }
}
