package defernorm.testbench.check;

import defernorm.cosim.Engine;
import java.util.List;

/**
 * The outcome of one checker run.
 *
 * <pre>{@code if (!result.passed()) System.out.println(result.firstMismatch().describe()); }</pre>
 *
 * @param top             the top's name
 * @param engine          the engine it ran on
 * @param everyCycle      true when every cycle was compared with the golden timeline (sink always ready, with or without input gaps)
 * @param tokens          tokens in the checked stream
 * @param streamCycles    cycles the checked stream ran
 * @param expected        the golden beats
 * @param received        the beats the top handed over, in order
 * @param mismatches      beats that differ from the golden ones, plus missing and extra beats
 * @param firstMismatch   the first mismatch or stream-rule violation, or null when the run passed
 * @param latency         measured cycles from the first input handshake of token 0 to its last output beat, or -1
 * @param cyclesPerToken  measured steady-state cycles between consecutive tokens' last beats, or NaN
 * @param tokenEdges      per token, the edges seen at the ports (first/last input and output handshake, stream cycles)
 */
public record CheckResult(String top, Engine engine, boolean everyCycle, int tokens, long streamCycles,
                          List<OutputBeat> expected, List<OutputBeat> received, int mismatches,
                          Mismatch firstMismatch, long latency, double cyclesPerToken, List<TokenEdges> tokenEdges) {
    public CheckResult {
        expected = List.copyOf(expected);
        received = List.copyOf(received);
        tokenEdges = List.copyOf(tokenEdges);
    }

    public boolean passed() { return firstMismatch == null; }

    /** One line summary. */
    public String summary() {
        String head = top + " on " + engine.name().toLowerCase() + ": " + tokens + " tokens, " + received.size() + "/" + expected.size()
                + " beats, " + streamCycles + " cycles" + (everyCycle ? " (every cycle compared)" : " (transactions and stream rules)");
        return passed() ? "PASS " + head : "FAIL " + head + ", " + mismatches + " mismatching beats; first: " + firstMismatch.describe();
    }
}
