package defernorm.hdl;

import defernorm.hdl.ir.Node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names temporaries from their structure, not from a counter: {@code _add_3fa2} is the op and the first hex
 * digits of a 64-bit hash ({@link StructureHash}) of the op, its type, its parameters and its operands' names
 * (recursively), so an edit elsewhere never renames it. Structurally identical temporaries get the same name and
 * so become one net (hash-consing). Four hex digits normally; more, deterministically, when two different
 * structures of the same op share a prefix in one module.
 *
 * <p>Equal hashes are checked to be equal structures before two nets are merged: in the (about 2<sup>-64</sup>
 * per pair) case of two structures with one hash, the later net in creation order takes the next free hash, so a
 * collision can never merge different logic.
 */
final class NetNamer {
    /** The binary ops' tags, lower-cased once: {@link #tag} runs several times per temporary. */
    private static final String[] BINARY_TAGS = new String[Node.BinaryOp.values().length];
    static {
        for (Node.BinaryOp op : Node.BinaryOp.values()) BINARY_TAGS[op.ordinal()] = op.name().toLowerCase(java.util.Locale.ROOT);
    }
    private static final int MIN_DIGITS = 4;

    private NetNamer() {}

    static Map<Net, String> names(List<Net> nets) {
        Map<Net, Long> full = new IdentityHashMap<>();
        Map<Long, Net> byHash = new HashMap<>();
        for (Net n : nets) if (n.name == null) fullHash(n, full, byHash);
        Map<Long, Integer> digits = digits(byHash);
        Map<Net, String> names = new IdentityHashMap<>();
        for (Net n : nets) {
            if (n.name != null) names.put(n, n.name);
            else {
                long h = full.get(n);
                names.put(n, name(tag(n), h, digits.get(h)));
            }
        }
        return names;
    }

    /**
     * How many hex digits each distinct hash shows: {@value #MIN_DIGITS}, or one more than it shares with its
     * nearest neighbour among the same op's hashes in sorted order (so names differ, and a name changes only when
     * a new structure of the same op comes to share its prefix).
     */
    private static Map<Long, Integer> digits(Map<Long, Net> byHash) {
        Map<String, List<Long>> byTag = new HashMap<>();
        for (Map.Entry<Long, Net> e : byHash.entrySet()) {
            List<Long> same = byTag.get(tag(e.getValue()));
            if (same == null) byTag.put(tag(e.getValue()), same = new ArrayList<>());
            same.add(e.getKey());
        }
        Map<Long, Integer> digits = new HashMap<>();
        for (List<Long> same : byTag.values()) {
            // In unsigned order, as the hex digits read: sign bit flipped, then Long's own order (Arrays.sort of a
            // long[] would spin lambdas in a cold JVM).
            List<Long> sorted = new ArrayList<>(same.size());
            for (long h : same) sorted.add(h ^ Long.MIN_VALUE);
            Collections.sort(sorted);
            for (int i = 0; i < sorted.size(); i++) {
                long h = sorted.get(i);
                int len = MIN_DIGITS;
                if (i > 0) len = Math.max(len, sharedDigits(sorted.get(i - 1), h) + 1);
                if (i + 1 < sorted.size()) len = Math.max(len, sharedDigits(h, sorted.get(i + 1)) + 1);
                digits.put(h ^ Long.MIN_VALUE, len);
            }
        }
        return digits;
    }

    /** Post-order without recursion: operand chains can be thousands deep. */
    private static void fullHash(Net root, Map<Net, Long> full, Map<Long, Net> byHash) {
        Deque<Net> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Net n = stack.peek();
            if (full.containsKey(n)) { stack.pop(); continue; }
            boolean ready = true;
            for (Net a : n.args) {
                if (a.name == null && !full.containsKey(a)) { stack.push(a); ready = false; }
            }
            if (!ready) continue;
            stack.pop();
            long h = structureHash(n, full);
            for (Net same = byHash.putIfAbsent(h, n); same != null && !sameStructure(same, n, full); same = byHash.putIfAbsent(h, n)) h++;
            full.put(n, h);
        }
    }

    private static long structureHash(Net n, Map<Net, Long> full) {
        StructureHash h = new StructureHash().add(tag(n)).add(n.type.width()).add(n.type.signed() ? 1 : 0);
        switch (n.kind) {
            case CONST -> h.add(n.value.toByteArray());
            case SLICE -> h.add(n.hi).add(n.lo);
            default -> { }
        }
        for (Net a : n.args) {
            if (a.name != null) h.add('n').add(a.name);
            else h.add('h').add(full.get(a));
        }
        return h.value();
    }

    /** What {@link #structureHash} reads, compared exactly (operands already hashed: equal hashes are equal structures). */
    private static boolean sameStructure(Net a, Net b, Map<Net, Long> full) {
        if (!tag(a).equals(tag(b)) || !a.type.equals(b.type) || a.args.size() != b.args.size()) return false;
        if (a.kind == Net.Kind.CONST && !a.value.equals(b.value)) return false;
        if (a.kind == Net.Kind.SLICE && (a.hi != b.hi || a.lo != b.lo)) return false;
        for (int i = 0; i < a.args.size(); i++) {
            Net x = a.args.get(i), y = b.args.get(i);
            if (x.name != null || y.name != null) {
                if (x.name == null || !x.name.equals(y.name)) return false;
            } else if (!full.get(x).equals(full.get(y))) return false;
        }
        return true;
    }

    static String tag(Net n) {
        return switch (n.kind) {
            case CONST -> "const";
            case UNARY -> switch (n.unaryOp) {
                case NOT -> "not";
                case NEG -> "neg";
                case AND_REDUCE -> "andr";
                case OR_REDUCE -> "orr";
                case XOR_REDUCE -> "xorr";
            };
            case BINARY -> BINARY_TAGS[n.binaryOp.ordinal()];
            case SLICE -> "slice";
            case CONCAT -> "cat";
            case MUX -> "mux";
            case RESIZE -> "resize";
            case CAST -> "cast";
            default -> n.kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static int sharedDigits(long a, long b) { return Long.numberOfLeadingZeros(a ^ b) / 4; }

    /** {@code _<tag>_<the first digits hex digits of h>} (a builder, not a concatenation: no class spun cold). */
    private static String name(String tag, long h, int digits) {
        StringBuilder out = new StringBuilder(tag.length() + digits + 2).append('_').append(tag).append('_');
        for (int i = 0; i < digits; i++) out.append(Character.forDigit((int) (h >>> (60 - 4 * i)) & 0xf, 16));
        return out.toString();
    }

    /** The SHA-256 of {@code s}'s UTF-8 bytes in hex (module-name suffixes: {@link ModuleNames}). */
    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
