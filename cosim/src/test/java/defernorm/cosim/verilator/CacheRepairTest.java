package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.eda.Tool;
import defernorm.hdl.emit.EmitOptions;
import defernorm.hdl.emit.VerilogEmitter;
import defernorm.hdl.ir.Design;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.commons.io.FileUtils;

/** A cached model that no longer loads is rebuilt once, transparently. */
class CacheRepairTest {
    @TempDir Path work;

    @Test void aDamagedLibraryIsRebuilt() throws Exception {
        TestDesigns.assumeVerilator();
        // A design nobody built before (a fresh constant gives a fresh cache key), so damaging it harms no one.
        Design d = TestDesigns.xorWith("Damaged", System.nanoTime());
        // Built without loading it: a library once loaded stays mapped in this JVM under its path.
        NetTable nets = new NetTable(d);
        Path library = ModelBuilder.build(Tool.VERILATOR.installed().orElseThrow(), TestDesigns.options(work).cacheDir(), d.top(),
                VerilogEmitter.emit(d, EmitOptions.defaults()), HarnessSource.shim(d.top(), nets, false),
                HarnessSource.vlt(nets), false, true, false, Duration.ofMinutes(10)).binary();
        Files.writeString(library, "not a shared library");
        try (VerilatorSimulation again = new VerilatorSimulation(d, TestDesigns.options(work))) {
            assertTrue(again.modelInfo().builtNow(), "rebuilt");
            again.poke("a", 0);
            assertFalse(again.peek("y").signum() < 0);
            assertEquals(again.modelInfo().binary(), library);
        }
        assertTrue(Files.size(library) > 1000, "the damaged file was replaced");
        FileUtils.deleteQuietly(library.getParent().getParent().toFile());  // do not leave one entry per run in the shared cache
    }
}
