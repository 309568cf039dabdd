package defernorm.hdl;

import defernorm.hdl.ir.Type;

/**
 * How a Java enum is encoded in hardware: value {@code k} (its ordinal) in a UInt of {@code clog2(values)} bits
 * (at least 1). The front end keeps the enum class on each net, so {@code is}, {@code switchOn} and {@code set}
 * check that the enum matches; the IR and the simulators see plain UInts.
 */
final class EnumCodes {
    private EnumCodes() {}

    static Type type(Class<? extends Enum<?>> cls) {
        int n = cls.getEnumConstants().length;
        return Type.uint(Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n) - 1)));
    }

    @SuppressWarnings("unchecked")
    static Class<? extends Enum<?>> classOf(Enum<?> value) { return (Class<? extends Enum<?>>) value.getDeclaringClass(); }

    /** {@code State.IDLE}. */
    static String spell(Enum<?> value) { return value.getDeclaringClass().getSimpleName() + "." + value.name(); }
}
