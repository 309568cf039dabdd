package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.examples.AllExamples;
import defernorm.examples.Counter;
import defernorm.examples.Fifo;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExamplesTest {
    @Test void allExamplesElaborateWithoutWarnings() {
        for (Component m : AllExamples.modules()) {
            Elaboration e = Elaborator.elaborateWithWarnings(m);
            assertEquals(List.of(), e.warnings(), m.name());
            assertTrue(e.design().isClocked(m.name()));
        }
    }

    @Test void designsAreKeyedByTopModuleName() {
        Map<String, Design> d = AllExamples.designs();
        assertEquals(List.of("Counter_W8", "Mac_W8", "Fifo_W8_D4", "RegisterFile", "MacPair"), List.copyOf(d.keySet()));
        d.forEach((name, design) -> assertEquals(name, design.top()));
    }

    @Test void parametersAreInTheModuleName() {
        assertEquals("Counter_W12", new Counter(12).name());
        assertEquals("Fifo_W32_D5", new Fifo(32, 5).name());
        Design odd = Elaborator.elaborate(new Fifo(32, 5));   // non power-of-two depth
        assertEquals(5, odd.module("StreamFifo_U32_D5_Mem").orElseThrow().memories().get(0).depth());
    }

    @Test void portsComeFirstInDeclarationOrder() {
        var m = Elaborator.elaborate(new Fifo(8, 4)).topModule();
        List<String> first = m.nodes().subList(0, 8).stream().map(Node::name).toList();
        assertEquals(List.of("in_valid", "in_ready", "in_data", "out_valid", "out_ready", "out_data", "full", "empty"), first);
    }

    @Test void exampleFramesAreUserCode() {
        var m = Elaborator.elaborate(new Counter(4)).topModule();
        assertTrue(m.nodes().stream().allMatch(n -> n.loc().file().equals("Counter.java")), m.nodes().toString());
        assertEquals("Counter.java", m.loc().file());
    }
}
