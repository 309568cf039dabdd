package defernorm.hdl.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.hdl.emit.IrFixtures;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Node.Kind} is one constant per record, so a switch over {@code kind()} is as exhaustive as a pattern
 * switch over the sealed {@code Node}: a record added without a kind of its own, or reusing another's, fails here.
 */
class NodeKindTest {
    @Test void eachRecordHasAKindOfItsOwn() {
        Class<?>[] records = Node.class.getPermittedSubclasses();
        assertEquals(Node.Kind.values().length, records.length, "one Node.Kind constant per Node record");
        Map<Node.Kind, String> recordOf = new EnumMap<>(Node.Kind.class);
        for (Design d : new Design[] {IrFixtures.allOps(), IrFixtures.fifo(), IrFixtures.macPair()}) {
            for (ModuleIr m : d.modules()) {
                for (Node n : m.nodes()) {
                    String before = recordOf.putIfAbsent(n.kind(), n.getClass().getSimpleName());
                    if (before != null) assertEquals(before, n.getClass().getSimpleName(), "two records share " + n.kind());
                }
            }
        }
        assertEquals(Node.Kind.values().length, recordOf.size(), "the fixtures hold every kind: " + recordOf.keySet());
        Map<String, Node.Kind> kindOf = new HashMap<>();
        recordOf.forEach((k, r) -> kindOf.put(r, k));
        assertEquals(records.length, kindOf.size(), "each record has its own kind");
    }
}
