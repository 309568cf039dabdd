package defernorm.testbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;
import defernorm.golden.system.Topology;
import defernorm.testbench.report.SystemSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's system section drawn from made-up results (the fake runner), ring and tree. */
class SystemSectionTest {
    @Test
    void drawsLatencyAndShareAndSaysWhereHidingStops(@TempDir Path dir) throws Exception {
        List<PointResult> rs = new ArrayList<>();
        FakeRunner fake = new FakeRunner();
        for (Topology t : Topology.values())
            for (int h : new int[] {1, 10})
                for (int tiles : new int[] {1, 2, 4, 8, 16})
                    for (Variant v : Variant.values())
                        rs.add(fake.run(new GridPoint(rs.size(), Op.SOFTMAX, v, tiles, t, h, 64, 256, 8, 2, 4)));
        String html = SystemSection.html(rs);
        assertEquals(3, html.split("<img ").length - 1, "latency vs T for ring and tree, and the share");
        assertTrue(html.contains("softmax, ring: deferred = matmul-only + 2 cycles until deferral stops hiding the collective at H = 10 from T = 8"), html);
        assertTrue(html.contains("every one matching the golden model"), html);
        assertEquals(20 + 1, html.split("<tr>").length - 1, "a row per system and the header");
        Path page = SystemSection.writePage(dir, rs);
        assertEquals(dir.resolve("system.html"), page);
        assertTrue(Files.readString(page).startsWith("<!doctype html>"));
        assertEquals("", SystemSection.html(List.of()));
    }
}
