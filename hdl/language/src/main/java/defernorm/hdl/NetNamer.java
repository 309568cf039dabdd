package defernorm.hdl;

import defernorm.hdl.ir.Node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Names temporaries from their structure, not from a counter: {@code _add_3fa2} is the op and the first hex
 * digits of a SHA-256 over the op, its type, its parameters and its operands' names (recursively), so an
 * edit elsewhere never renames it. Structurally identical temporaries get the same name and so become one
 * net (hash-consing). Four hex digits normally; more, deterministically, when two different structures of the
 * same op share a prefix in one module.
 */
final class NetNamer {
    /** The binary ops' tags, lower-cased once: {@link #tag} runs several times per temporary. */
    private static final String[] BINARY_TAGS = new String[Node.BinaryOp.values().length];
    static {
        for (Node.BinaryOp op : Node.BinaryOp.values()) BINARY_TAGS[op.ordinal()] = op.name().toLowerCase(java.util.Locale.ROOT);
    }

    private NetNamer() {}

    static Map<Net, String> names(List<Net> nets) {
        Map<Net, String> full = new IdentityHashMap<>();
        MessageDigest sha256 = sha256();   // one for the module: looking the algorithm up per net costs more than hashing
        for (Net n : nets) if (n.name == null) fullHash(n, full, sha256);
        Map<String, TreeSet<String>> byTag = new TreeMap<>();
        for (Map.Entry<Net, String> e : full.entrySet()) {
            byTag.computeIfAbsent(tag(e.getKey()), k -> new TreeSet<>()).add(e.getValue());
        }
        Map<String, Integer> lengths = new java.util.HashMap<>();
        for (TreeSet<String> hashes : byTag.values()) {
            List<String> sorted = new ArrayList<>(hashes);
            for (int i = 0; i < sorted.size(); i++) {
                int len = 4;
                if (i > 0) len = Math.max(len, commonPrefix(sorted.get(i - 1), sorted.get(i)) + 1);
                if (i + 1 < sorted.size()) len = Math.max(len, commonPrefix(sorted.get(i), sorted.get(i + 1)) + 1);
                lengths.put(sorted.get(i), len);
            }
        }
        Map<Net, String> names = new IdentityHashMap<>();
        for (Net n : nets) {
            if (n.name != null) names.put(n, n.name);
            else {
                String h = full.get(n);
                names.put(n, "_" + tag(n) + "_" + h.substring(0, lengths.get(h)));
            }
        }
        return names;
    }

    /** Post-order without recursion: operand chains can be thousands deep. */
    private static void fullHash(Net root, Map<Net, String> full, MessageDigest sha256) {
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
            StringBuilder key = new StringBuilder(tag(n)).append('|').append(n.type);
            switch (n.kind) {
                case CONST -> key.append('|').append(n.value);
                case SLICE -> key.append('|').append(n.hi).append(':').append(n.lo);
                default -> { }
            }
            for (Net a : n.args) {
                if (a.name != null) key.append("|n:").append(a.name);
                else key.append("|h:").append(full.get(a));
            }
            full.put(n, HexFormat.of().formatHex(sha256.digest(key.toString().getBytes(StandardCharsets.UTF_8))));
        }
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

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        return i;
    }

    /** The SHA-256 of {@code s}'s UTF-8 bytes in hex (module-name suffixes: {@link ModuleNames}). */
    static String sha256(String s) {
        return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
