package defernorm.testbench.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.SimOptions;
import defernorm.golden.timing.Arrivals;
import defernorm.golden.timing.Timeline;
import defernorm.testbench.check.FakeStreamTop.Bug;
import defernorm.testbench.stimulus.Flow;
import defernorm.testbench.stimulus.RandomTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckerTest {
    private static final List<byte[]> TOKENS = RandomTokens.generate(FakeStreamTop.N, 20, 3L);

    private static CheckResult check(Bug bug, int token, CheckPlan plan) {
        return Checker.check(FakeStreamTop.top(bug, token), plan, SimOptions.builtin());
    }

    @Test
    void withInputGapsAndASinkAlwaysReadyEveryCycleIsComparedWithTheTimeline() {
        CheckPlan gaps = CheckPlan.free(TOKENS, 7L).withFlow(Flow.random(0.5, 1.0));
        CheckResult r = check(Bug.NONE, 0, gaps);
        assertTrue(r.passed(), r::summary);
        assertTrue(r.everyCycle());
        assertEquals(r.expected(), r.received());
        // the gaps stretched the run: the same seed gives the same arrivals, a different seed other ones
        assertTrue(r.streamCycles() > check(Bug.NONE, 0, CheckPlan.free(TOKENS, 7L)).streamCycles());
        assertNotEquals(r.streamCycles(), check(Bug.NONE, 0, CheckPlan.free(TOKENS, 8L).withFlow(Flow.random(0.5, 1.0))).streamCycles());
    }

    @Test
    void aTopThatAcceptsOneCycleLateAfterAGapIsCaughtOnTready() {
        assertTrue(check(Bug.LATE_AFTER_GAP, 0, CheckPlan.free(TOKENS, 1L)).passed(), "at line rate there is no gap");
        CheckPlan gaps = CheckPlan.free(TOKENS, 7L).withFlow(Flow.random(0.5, 1.0));
        Mismatch m = check(Bug.LATE_AFTER_GAP, 0, gaps).firstMismatch();
        assertNotNull(m);
        assertEquals(TopPorts.S_READY, m.signal());
        assertEquals("1", m.expected());
        assertEquals("0", m.actual());
        assertTrue(m.token() >= 0);
        assertTrue(m.detail().startsWith("input beat "), m.detail());
        assertTrue(m.describe().contains("the golden timeline accepts it"), m.describe());
        // under backpressure only the transactions are compared: the late handshake is legal there
        assertTrue(check(Bug.LATE_AFTER_GAP, 0, gaps.withFlow(Flow.random(0.5, 0.9))).passed());
    }

    @Test
    void anInputBeatRefusedAgainstTheScheduleIsReportedOnTready() {
        Mismatch m = check(Bug.INPUT_HICCUP, 2, CheckPlan.free(TOKENS, 1L)).firstMismatch();
        assertEquals(TopPorts.S_READY, m.signal());
        assertEquals("1", m.expected());
        assertEquals(2, m.token());
        assertEquals(2 * 2 + 1, m.streamCycle());
        assertEquals("input beat 1, offered since stream cycle 5: the golden timeline accepts it on this cycle", m.detail());
    }

    @Test
    void aCorrectTopPassesEveryCycleAndItsTimingIsMeasured() {
        CheckResult r = check(Bug.NONE, 0, CheckPlan.free(TOKENS, 1L));
        assertTrue(r.passed(), r::summary);
        assertTrue(r.everyCycle());
        assertEquals(TOKENS.size() * FakeStreamTop.G, r.received().size());
        assertEquals(0, r.mismatches());
        assertEquals(FakeStreamTop.N / FakeStreamTop.P - 1 + FakeStreamTop.LATENCY + FakeStreamTop.G - 1, r.latency());
        assertEquals(2.0, r.cyclesPerToken(), 1e-9);
    }

    @Test
    void aCorrectTopPassesUnderBubblesAndBackpressure() {
        CheckResult r = check(Bug.NONE, 0, CheckPlan.free(TOKENS, 7L).withFlow(Flow.random(0.6, 0.4)));
        assertTrue(r.passed(), r::summary);
        assertTrue(!r.everyCycle());
        assertEquals(r.expected(), r.received());
    }

    @Test
    void aWrongValueIsReportedWithCycleSignalTokenBeatAndLane() {
        CheckResult r = check(Bug.WRONG_VALUE, 4, CheckPlan.free(TOKENS, 1L));
        Mismatch m = r.firstMismatch();
        assertNotNull(m);
        assertEquals(TopPorts.M_DATA, m.signal());
        assertEquals(4, m.token());
        assertEquals(1, m.outputIndex());
        assertTrue(m.detail().startsWith("lane 1:"), m.detail());
        long[] want = FakeStreamTop.lanes(TOKENS.get(4), 1, 5);
        assertEquals(FakeStreamTop.SHAPE.hex(want), m.expected());
        long[] got = want.clone();
        got[1]++;
        assertEquals(FakeStreamTop.SHAPE.hex(got), m.actual());
        // token 4's second beat is at schedule cycle 4*2 + 1 + 3 + 1 = 13, counted from the first handshake
        long[][] out = FakeStreamTop.golden().timeline(TOKENS.size(), Arrivals.lineRate()).output();
        assertEquals(out[4][1], m.streamCycle());
        assertEquals(1, r.mismatches());
    }

    @Test
    void aDeliberatelyWrongExpectedValueIsCaught() {
        GoldenStream right = FakeStreamTop.golden();
        GoldenStream wrong = new GoldenStream() {
            @Override public List<OutputBeat> outputs(List<byte[]> tokens) {
                List<OutputBeat> beats = new java.util.ArrayList<>(right.outputs(tokens));
                OutputBeat b = beats.get(5);
                long[] lanes = b.lanes();
                lanes[0] = -7777;
                beats.set(5, new OutputBeat(b.token(), b.index(), lanes, b.last()));
                return beats;
            }
            @Override public Timeline timeline(int tokens, Arrivals arrivals) { return right.timeline(tokens, arrivals); }
        };
        TopUnderTest top = new TopUnderTest("Fake", FakeStreamTop.SHAPE, FakeStreamTop.config(), wrong, o -> new FakeStreamTop(Bug.NONE, 0));
        CheckResult r = Checker.check(top, CheckPlan.free(TOKENS, 1L), SimOptions.builtin());
        assertEquals(2, r.firstMismatch().token());
        assertEquals(1, r.firstMismatch().outputIndex());
        assertTrue(r.firstMismatch().detail().contains("expected -7777"), r.firstMismatch().detail());
    }

    @Test
    void aBeatOneCycleLateIsAValidMismatchOnlyTheEveryCycleCheckSees() {
        CheckResult r = check(Bug.LATE_BEAT, 3, CheckPlan.free(TOKENS, 1L));
        Mismatch m = r.firstMismatch();
        assertEquals(TopPorts.M_VALID, m.signal());
        assertEquals("1", m.expected());
        assertEquals("0", m.actual());
        assertEquals(3, m.token());
        assertEquals(0, m.outputIndex());
        // the values are right, so the transaction view finds nothing wrong
        assertEquals(0, r.mismatches());
        assertTrue(check(Bug.LATE_BEAT, 3, CheckPlan.free(TOKENS, 1L).withFlow(Flow.random(1.0, 0.999))).passed());
    }

    @Test
    void aBeatLostUnderBackpressureIsCaught() {
        CheckResult r = check(Bug.DROP_UNDER_BACKPRESSURE, 0, CheckPlan.free(TOKENS, 5L).withFlow(Flow.random(0.8, 0.3)));
        assertNotNull(r.firstMismatch());
        assertTrue(r.received().size() < r.expected().size());
        assertTrue(r.mismatches() > 0);
    }

    @Test
    void dataChangedWhileStalledBreaksTheStreamRule() {
        CheckResult r = check(Bug.CHANGE_WHILE_STALLED, 0, CheckPlan.free(TOKENS, 5L).withFlow(Flow.random(1.0, 0.3)));
        Mismatch m = r.firstMismatch();
        assertEquals(TopPorts.M_DATA, m.signal());
        assertTrue(m.detail().contains("must be held until accepted"), m.detail());
        assertTrue(m.token() >= 0);
    }

    @Test
    void aResetInTheMiddleOfAStreamMustDropWhatWasInFlight() {
        MidStreamReset cut = new MidStreamReset(RandomTokens.generate(FakeStreamTop.N, 4, 99L), 5);
        assertTrue(check(Bug.NONE, 0, CheckPlan.free(TOKENS, 1L).withReset(cut)).passed());
        CheckResult r = check(Bug.KEEP_STATE_ON_RESET, 0, CheckPlan.free(TOKENS, 1L).withReset(cut));
        assertEquals(TopPorts.M_VALID, r.firstMismatch().signal());
        assertEquals("0", r.firstMismatch().expected());
    }

    @Test
    void theFirstMismatchComesWithAWaveformWindow(@TempDir Path dir) throws Exception {
        assertWaveWindow(check(Bug.WRONG_VALUE, 6, CheckPlan.free(TOKENS, 1L).withWaves(dir).withWaveWindow(4)));
        assertWaveWindow(check(Bug.WRONG_VALUE, 6, CheckPlan.free(TOKENS, 1L).withFlow(Flow.random(0.5, 1.0)).withWaves(dir).withWaveWindow(4)));
        assertWaveWindow(check(Bug.WRONG_VALUE, 6, CheckPlan.free(TOKENS, 1L).withFlow(Flow.random(0.5, 0.5)).withWaves(dir).withWaveWindow(4)));
    }

    @Test
    void theWaveformWindowStartsNoEarlierThanTheStream(@TempDir Path dir) throws Exception {
        CheckResult r = check(Bug.WRONG_VALUE, 0, CheckPlan.free(TOKENS, 1L).withWaves(dir).withWaveWindow(1000));
        Mismatch m = r.firstMismatch();
        List<String> lines = Files.readAllLines(m.wave());
        assertEquals("#" + (m.cycle() - m.streamCycle()), lines.get(1));   // the stream's first cycle, not cycle 0
        assertEquals(50, Checker.windowStart(60, 50, 24));
        assertEquals(36, Checker.windowStart(60, 20, 24));
        assertEquals(0, Checker.windowStart(10, 50, 24));                   // before the stream: from the start
    }

    private static void assertWaveWindow(CheckResult r) throws Exception {
        Path vcd = r.firstMismatch().wave();
        assertNotNull(vcd);
        assertTrue(r.firstMismatch().describe().contains(vcd.toString()));
        List<String> lines = Files.readAllLines(vcd);
        assertEquals("#" + (r.firstMismatch().cycle() - 4), lines.get(1));
        assertEquals("#" + (r.firstMismatch().cycle() + 4), lines.get(lines.size() - 1));
    }

    @Test
    void noMismatchMeansNoWaveform(@TempDir Path dir) {
        CheckResult r = check(Bug.NONE, 0, CheckPlan.free(TOKENS, 1L).withWaves(dir));
        assertNull(r.firstMismatch());
    }
}
