package defernorm.hdl.emit;

import defernorm.hdl.ir.Design;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The emitter is a pure function of the IR: byte-identical output across runs and fresh IR objects. */
class DeterminismTest {

    @Test
    void emittingTwiceGivesIdenticalText() {
        EmitOptions withComments = EmitOptions.defaults().withSourceComments(true).withVerilatorPublicDebug(true);
        for (Map.Entry<String, Design> e : TestDesigns.all().entrySet()) {
            for (EmitOptions o : new EmitOptions[]{EmitOptions.defaults(), withComments}) {
                assertEquals(VerilogEmitter.emit(e.getValue(), o), VerilogEmitter.emit(e.getValue(), o), e.getKey());
            }
        }
    }

    @Test
    void freshlyBuiltIrGivesIdenticalText() {
        Map<String, Design> first = IrFixtures.all();
        Map<String, Design> second = IrFixtures.all();
        for (String k : first.keySet()) {
            assertEquals(VerilogEmitter.emit(first.get(k)), VerilogEmitter.emit(second.get(k)), k);
        }
    }
}
