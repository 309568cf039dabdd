package defernorm.hdl;

/**
 * A 64-bit hash of a sequence of values, fixed by this code alone (no JDK hash codes, no provider lookup), so
 * names derived from it are the same on every JVM and run: the one hash behind structural names, temporaries'
 * ({@link NetNamer}) and module suffixes' ({@link ModuleNames}). Not SHA-256: naming is on every elaboration's
 * path, and a cold JVM runs a digest interpreted, thousands of times. Not cryptographic either: equal hashes are
 * checked for equal structure before anything is merged.
 *
 * <pre>{@code
 * long h = new StructureHash().add("add").add(9).add(0).value();
 * }</pre>
 */
final class StructureHash {
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;   // 2^64 / golden ratio, odd
    private long state = 0x6A09E667F3BCC909L;
    private long count;

    /** Mixes in one 64-bit word. */
    StructureHash add(long word) {
        state = Long.rotateLeft((state ^ word) * MULTIPLIER, 31) + ++count;
        return this;
    }

    /** Mixes in a string: its length, then its UTF-16 code units (two per word). */
    StructureHash add(String s) {
        add(s.length());
        int i = 0;
        for (; i + 1 < s.length(); i += 2) add(((long) s.charAt(i) << 16) | s.charAt(i + 1));
        if (i < s.length()) add(s.charAt(i));
        return this;
    }

    /** Mixes in a byte array: its length, then its bytes (eight per word). */
    StructureHash add(byte[] bytes) {
        add(bytes.length);
        long word = 0;
        for (int i = 0; i < bytes.length; i++) {
            word = (word << 8) | (bytes[i] & 0xff);
            if (i % 8 == 7) { add(word); word = 0; }
        }
        if (bytes.length % 8 != 0) add(word);
        return this;
    }

    /** How many leading hex digits two hashes share (names show one more than that, to tell them apart). */
    static int sharedHexDigits(long a, long b) { return Long.numberOfLeadingZeros(a ^ b) / 4; }

    /** The hash, every input bit spread over every output bit (the finalizer of SplitMix64). */
    long value() {
        long z = state ^ count;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
