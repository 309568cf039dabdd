package defernorm.testbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final List<String> MESSAGES = List.of("", "rmsnorm/deferred: generate", "layernorm/standard: backpressure",
            "sweep C=42 deferred", "a message far longer than any terminal line could ever hold, so it has to be cut short somewhere");

    @Test
    void at80ColumnsEveryLineHasTheSameWidthAndTheBarItsFullTwentyCells() {
        for (long done = 0; done <= 1000; done += 37) {
            for (String m : MESSAGES) {
                String line = ProgressLine.format("run", done, 1000, Duration.ofSeconds(done / 10), m, 80);
                assertEquals(79, line.length(), line);
                int open = line.indexOf('[');
                assertEquals(9, open, "the bar starts at the same column: " + line);
                assertEquals(']', line.charAt(open + ProgressLine.BAR + 1), line);
                String bar = line.substring(open + 1, open + 1 + ProgressLine.BAR);
                assertTrue(bar.matches("#*-*"), bar);
            }
        }
    }

    @Test
    void aWideTerminalDoesNotWidenTheLineAndANarrowOneCutsTheMessageNotTheBar() {
        assertEquals(79, ProgressLine.format("run", 5, 10, Duration.ofSeconds(5), "x", 200).length());
        String narrow = ProgressLine.format("run", 5, 10, Duration.ofSeconds(5), MESSAGES.get(4), 50);
        assertEquals(49, narrow.length());
        assertTrue(narrow.contains("[##########----------]"), narrow);
        assertTrue(narrow.endsWith("..."), narrow);
    }

    @Test
    void theEtaExtrapolatesTheCostDoneSoFar() {
        assertEquals("ETA --:--", ProgressLine.eta(0, Duration.ofSeconds(10)));
        assertEquals("ETA 0:30", ProgressLine.eta(0.25, Duration.ofSeconds(10)));
        assertEquals("ETA 1:00:00", ProgressLine.eta(0.5, Duration.ofHours(1)));
        String line = ProgressLine.format("run", 250, 1000, Duration.ofSeconds(10), "softmax/matmul: co-simulate", 80);
        assertEquals("run  25% [#####---------------] ETA 0:30    softmax/matmul: co-simulate", line.stripTrailing());
    }

    @Test
    void theLibraryDrawsOurLineWithWeightedSteps() {
        List<String> lines = new ArrayList<>();
        try (Progress p = Progress.to(new DelegatingProgressBarConsumer(lines::add, 80), "run", 100)) {
            p.doing("rmsnorm/deferred: co-simulate");
            p.advance(60);
        }
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("run  60% [############--------]"), last);
        assertTrue(lines.stream().allMatch(l -> l.length() == 79), lines.toString());
    }
}
