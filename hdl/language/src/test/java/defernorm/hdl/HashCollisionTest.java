package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Two different temporaries whose {@link StructureHash}es are equal must stay two nets with two names
 * ({@link NetNamer} compares equal hashes for equal structure before it merges nets). The hash is not
 * cryptographic, so a collision can be made on purpose: two 128-bit constants whose high words differ and whose
 * low word is solved from the hash's mixing step.
 */
class HashCollisionTest {
    private static final Type U128 = Type.uint(128);
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;   // StructureHash's
    private static final long SEED = 0x6A09E667F3BCC909L;

    /** StructureHash's state after mixing {@code words}, as {state, count}. */
    private static long[] mix(long... words) {
        long state = SEED, count = 0;
        for (long w : words) state = Long.rotateLeft((state ^ w) * MULTIPLIER, 31) + ++count;
        return new long[] {state, count};
    }

    /** The words {@link NetNamer} hashes for a UInt(128) constant whose value's bytes are {@code hi}, {@code lo}. */
    private static long[] constWords(long hi, long lo) {
        return new long[] {5, ('c' << 16) | 'o', ('n' << 16) | 's', 't', 128, 0, 16, hi, lo};
    }

    private static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 6; i++) x *= 2 - odd * x;   // Newton's iteration, mod 2^64
        return x;
    }

    private static BigInteger value(long hi, long lo) {
        return BigInteger.valueOf(hi).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo)));
    }

    private static StructureHash hashOf(long[] words) {
        StructureHash h = new StructureHash().add("const").add(128).add(0);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (words[7] >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (words[8] >>> (56 - 8 * i));
        }
        return h.add(bytes);
    }

    @Test void twoConstantsWithOneHashStayTwoNets() {
        long hiA = 0x0123456789abcdefL, loA = 0x0fedcba987654321L, hiB = 0x0123456789abcdeeL;
        long[] target = mix(constWords(hiA, loA));
        long[] before = mix(java.util.Arrays.copyOf(constWords(hiB, 0), 8));
        long loB = (Long.rotateRight(target[0] - target[1], 31) * inverse(MULTIPLIER)) ^ before[0];
        BigInteger first = value(hiA, loA), second = value(hiB, loB);
        assertEquals(16, first.toByteArray().length);
        assertEquals(16, second.toByteArray().length);
        assertEquals(hashOf(constWords(hiA, loA)).value(), hashOf(constWords(hiB, loB)).value(),
                "the crafted constants collide (if StructureHash changed, solve again)");

        ModuleIr m = Elaborator.elaborate(new Component("Collide") {{
            output("y", U128).set(lit(first, U128));
            output("z", U128).set(lit(second, U128));
        }}).topModule();
        Node.Const y = constDriving(m, "y"), z = constDriving(m, "z");
        assertEquals(first, y.value());
        assertEquals(second, z.value());
        assertNotEquals(y.name(), z.name());
        // The later net took the next hash: the names agree in 15 hex digits and show all 16.
        assertTrue(y.name().matches("_const_[0-9a-f]{16}") && z.name().matches("_const_[0-9a-f]{16}"), y.name() + " " + z.name());
    }

    private static Node.Const constDriving(ModuleIr m, String output) {
        String source = m.outputs().stream().filter(o -> o.name().equals(output)).findFirst().orElseThrow().source();
        return (Node.Const) m.nodes().stream().filter(n -> n.name().equals(source)).findFirst().orElseThrow();
    }
}
