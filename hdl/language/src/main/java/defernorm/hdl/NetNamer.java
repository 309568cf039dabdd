package defernorm.hdl;

import defernorm.hdl.ir.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
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
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private NetNamer() {}

    /**
     * The IR name of each net in {@code nets} (which must hold the operands of each of its temporaries), indexed by
     * the net's creation index ({@link Net#seq}): its user name, or a structural one. Arrays by creation index rather
     * than identity maps of boxed hashes: this runs for every net of every elaboration, mostly interpreted.
     */
    static String[] names(List<Net> nets) {
        int size = 0;
        for (Net n : nets) size = Math.max(size, n.seq + 1);
        long[] hash = new long[size];
        boolean[] hashed = new boolean[size];
        Map<Long, Net> byHash = new HashMap<>(2 * nets.size());
        for (Net n : nets) if (n.name == null) fullHash(n, hash, hashed, byHash);
        int[] digits = digits(byHash.values(), hash, size);
        String[] names = new String[size];
        for (Net n : nets) {
            if (n.name != null) names[n.seq] = n.name;
            else {
                long h = hash[n.seq];
                names[n.seq] = name(tag(n), h, digits[byHash.get(h).seq]);
            }
        }
        return names;
    }

    /**
     * How many hex digits each distinct temporary shows (by creation index): {@value #MIN_DIGITS}, or one more than
     * it shares with the nearest hash of the same op, so names differ, and a name changes only when a new structure of
     * the same op comes to share its prefix. Only hashes whose first {@value #MIN_DIGITS} digits collide can need
     * more, so only those are compared (no sort of every hash).
     */
    private static int[] digits(Collection<Net> distinct, long[] hash, int size) {
        int[] digits = new int[size];
        Map<Integer, Net> firstByPrefix = new HashMap<>(2 * distinct.size());
        Map<Integer, List<Net>> crowded = new HashMap<>();
        for (Net n : distinct) {
            digits[n.seq] = MIN_DIGITS;
            Integer prefix = (int) (hash[n.seq] >>> (64 - 4 * MIN_DIGITS));
            Net first = firstByPrefix.putIfAbsent(prefix, n);
            if (first == null) continue;
            List<Net> same = crowded.get(prefix);
            if (same == null) {
                crowded.put(prefix, same = new ArrayList<>());
                same.add(first);
            }
            same.add(n);
        }
        for (List<Net> same : crowded.values()) {
            for (Net a : same) {
                for (Net b : same) {
                    if (a != b && tag(a).equals(tag(b))) {
                        digits[a.seq] = Math.max(digits[a.seq], StructureHash.sharedHexDigits(hash[a.seq], hash[b.seq]) + 1);
                    }
                }
            }
        }
        return digits;
    }

    /** Post-order without recursion: operand chains can be thousands deep. */
    private static void fullHash(Net root, long[] hash, boolean[] hashed, Map<Long, Net> byHash) {
        Deque<Net> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Net n = stack.peek();
            if (hashed[n.seq]) { stack.pop(); continue; }
            boolean ready = true;
            for (Net a : n.args) {
                if (a.name == null && !hashed[a.seq]) { stack.push(a); ready = false; }
            }
            if (!ready) continue;
            stack.pop();
            long h = structureHash(n, hash);
            for (Net same = byHash.putIfAbsent(h, n); same != null && !sameStructure(same, n, hash); same = byHash.putIfAbsent(h, n)) h++;
            hash[n.seq] = h;
            hashed[n.seq] = true;
        }
    }

    private static long structureHash(Net n, long[] hash) {
        StructureHash h = new StructureHash().add(tag(n)).add(n.type.width()).add(n.type.signed() ? 1 : 0);
        switch (n.kind) {
            case CONST -> h.add(n.value.toByteArray());
            case SLICE -> h.add(n.hi).add(n.lo);
            default -> { }
        }
        for (Net a : n.args) {
            if (a.name != null) h.add('n').add(a.name);
            else h.add('h').add(hash[a.seq]);
        }
        return h.value();
    }

    /** What {@link #structureHash} reads, compared exactly (operands already hashed: equal hashes are equal structures). */
    private static boolean sameStructure(Net a, Net b, long[] hash) {
        if (!tag(a).equals(tag(b)) || !a.type.equals(b.type) || a.args.size() != b.args.size()) return false;
        if (a.kind == Net.Kind.CONST && !a.value.equals(b.value)) return false;
        if (a.kind == Net.Kind.SLICE && (a.hi != b.hi || a.lo != b.lo)) return false;
        for (int i = 0; i < a.args.size(); i++) {
            Net x = a.args.get(i), y = b.args.get(i);
            if (x.name != null || y.name != null) {
                if (x.name == null || !x.name.equals(y.name)) return false;
            } else if (hash[x.seq] != hash[y.seq]) return false;
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

    /** {@code _<tag>_<the first digits hex digits of h>}, spelled into one array (fewest calls, interpreted). */
    private static String name(String tag, long h, int digits) {
        char[] out = new char[tag.length() + digits + 2];
        out[0] = '_';
        tag.getChars(0, tag.length(), out, 1);
        out[tag.length() + 1] = '_';
        for (int i = 0; i < digits; i++) out[tag.length() + 2 + i] = HEX_DIGITS[(int) (h >>> (60 - 4 * i)) & 0xf];
        return new String(out);
    }

}
