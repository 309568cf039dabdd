package defernorm.accel.tops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.Latencies;
import defernorm.golden.timing.Schedule;
import defernorm.testbench.bench.MeasuredTiming;
import defernorm.testbench.bench.TopTiming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The timing claims of issue 5, measured in RTL simulation ({@link TopTiming}: built-in engine, every cycle
 * checked against the golden Schedule): latency (first input handshake to the token's last output handshake)
 * and steady-state cycles per token of the three variants as n and C grow, at a few P&times;Q. Writes the table to
 * {@code target/tops-timing.md} (copied into docs/datapaths.md).
 *
 * <p>What holds, exactly: deferred latency = matmul latency + (FINAL_SCALE − OUTPUT) + max(0, factor − land),
 * where factor − land = (reduction + C + nonlinear chain) − (G − 1 + MAC depth) does not depend on n: the
 * reduction and the collective are hidden exactly when the G cycles of matmul work left after the last
 * input beat cover them (see docs/datapaths.md, "What the streaming schedule allows").
 */
class TimingClaimsTest {
    record Point(Op op, Params p) {}

    static List<Point> grid() {
        List<Point> pts = new ArrayList<>();
        for (int[] pq : new int[][] {{4, 4}, {8, 8}}) {
            for (int n : new int[] {16, 64, 256}) {
                for (int c : new int[] {0, 8, 32}) pts.add(new Point(Op.RMSNORM, new Params(n, 32, pq[0], pq[1], c)));
            }
        }
        // G = 128 output groups: enough matmul work after the last beat to hide the reduction, C and the factor.
        for (int c : new int[] {0, 32, 64, 90}) pts.add(new Point(Op.RMSNORM, new Params(64, 512, 8, 4, c)));
        for (int c : new int[] {0, 32}) pts.add(new Point(Op.LAYERNORM, new Params(64, 512, 8, 4, c)));
        for (int c : new int[] {0, 32, 80}) pts.add(new Point(Op.SOFTMAX, new Params(64, 512, 8, 4, c)));
        return pts;
    }

    @Test
    void measuredLatencyAndThroughputMatchTheScheduleAndTheClaims() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("| op | n | m | P×Q | C | NB·G | matmul lat | deferred lat | standard lat | deferred − matmul | hidden? | matmul cyc/tok | deferred cyc/tok | standard cyc/tok |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Point pt : grid()) {
            Params p = pt.p();
            Map<Variant, MeasuredTiming> t = TopTiming.measureAll(pt.op(), p);
            long[] lat = new long[3];
            double[] cpt = new double[3];
            for (int i = 0; i < 3; i++) {
                MeasuredTiming m = t.get(TopTiming.ORDER.get(i));
                lat[i] = m.latency();
                cpt[i] = m.cyclesPerToken();
            }
            long mm = (long) p.beats() * p.groups();
            Schedule def = new Schedule(pt.op(), Variant.DEFERRED, p);
            long wait = Math.max(0, def.factorCycle(0) - def.landCycle(0));
            // The exact relation, and the claim wherever the matmul work after the last beat hides the factor.
            // Softmax deferred must exponentiate before the array (its exp front); matmul-only multiplies raw scores.
            long front = def.depths().write();
            assertEquals(lat[0] + (Latencies.FINAL_SCALE - Latencies.OUTPUT) + front + wait, lat[1], "deferred latency relation at " + p);
            if (wait <= Latencies.OUTPUT) assertTrue(lat[1] <= lat[0] + Latencies.FINAL_SCALE + front, "deferred hides reduction + C at " + p);
            if (wait <= (long) (p.beats() - 1) * p.groups()) assertEquals((double) mm, cpt[1], 1e-9, "deferred runs at the matmul rate at " + p);
            assertTrue(lat[2] > lat[1] && cpt[2] >= cpt[1], "standard is slower than deferred at " + p);
            md.append(String.format("| %s | %d | %d | %d×%d | %d | %d | %d | %d | %d | %+d | %s | %.0f | %.0f | %.0f |%n",
                    pt.op().name().toLowerCase(), p.n(), p.m(), p.p(), p.q(), p.c(), mm, lat[0], lat[1], lat[2],
                    lat[1] - lat[0], wait <= Latencies.OUTPUT ? "yes" : "no, +" + wait, cpt[0], cpt[1], cpt[2]));
        }
        Path out = Path.of("target", "tops-timing.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println(md);
    }
}
