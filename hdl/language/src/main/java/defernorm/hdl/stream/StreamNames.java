package defernorm.hdl.stream;

import defernorm.hdl.ir.Type;

/** The parameter part of a stream component's module name: {@code U8}, {@code S16}, {@code U8_L} (with last). */
final class StreamNames {
    private StreamNames() {}

    static String of(Type payload, boolean hasLast) {
        return (payload.signed() ? "S" : "U") + payload.width() + (hasLast ? "_L" : "");
    }
}
