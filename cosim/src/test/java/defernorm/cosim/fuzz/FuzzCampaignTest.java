package defernorm.cosim.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny campaign runs all three simulators, saves its state, and resumes where it stopped. */
class FuzzCampaignTest {
    @TempDir Path dir;

    private FuzzConfig config(long designs) {
        return new FuzzConfig(5, designs, 3, 1, 40, dir.resolve("state.properties"), dir.resolve("repro"),
                dir.resolve("work"), 20);
    }

    @Test
    void runsSavesItsStateAndResumes() {
        Assumptions.assumeTrue(ToolChecks.skipReason(Tool.VERILATOR, Tool.IVERILOG).isEmpty(),
                () -> ToolChecks.skipReason(Tool.VERILATOR, Tool.IVERILOG).orElse(""));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FuzzState first = new FuzzCampaign(config(3), new PrintStream(log, true)).run();
        assertEquals(3, first.designs());
        assertEquals(3, first.icarusDesigns());
        assertEquals(1, first.nextBatch());
        assertEquals(first, FuzzState.load(dir.resolve("state.properties"), 99));

        FuzzState second = new FuzzCampaign(config(5), new PrintStream(log, true)).run();
        assertEquals(5, second.designs());
        assertEquals(2, second.nextBatch());
        assertEquals(0, second.disagreements() + second.rejected(), log::toString);
        assertTrue(log.toString().contains("fuzz: resuming at batch 1 (3 designs done)"), log::toString);
        assertTrue(log.toString().strip().endsWith("fuzz: 5 designs, 0 disagreements, 0 rejected by a tool"), log::toString);
        assertTrue(!Files.exists(dir.resolve("repro")), "nothing to reproduce");
    }
}
