package defernorm.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold elaboration ({@code make bench}): each design built, elaborated and emitted as Verilog in a fresh JVM, the
 * way a user's program runs: plain, with an AOT cache recorded from a training run on the 4×4 MAC array, and with
 * the cache plus the short-run flags docs/guide.md recommends; plus a JVM whose main only reads its CPU time (the floor).
 * Runs rotate between the setups; each figure is the median of {@code -Dbench.elab.repeats} runs (5). Writes the
 * "elaboration" section of docs/benchmarks.md and the
 * {@code elaboration} list of rtl-out/bench.json.
 */
@Tag("bench")
class ElaborationBench {
    private static final int REPEATS = Integer.getInteger("bench.elab.repeats", 5);
    static final List<String> DESIGNS = List.of("empty", "mac4x4", "mac8x8", "mac16x16", "mac32x32", "mac64x64",
            "adder64", "adder256", "adder1024");

    @TempDir Path tmp;

    @Test void coldElaboration() throws Exception {
        String load = loadAverage();
        ElaborationJvm jvm = ElaborationJvm.in(tmp);
        jvm.train("mac4x4");
        List<ElaborationRow> rows = new ArrayList<>();
        List<ElaborationJvm.Setup> setups = List.of(ElaborationJvm.Setup.values());
        for (String design : DESIGNS) {
            Map<ElaborationJvm.Setup, List<ElaborationJvm.Sample>> runs = new EnumMap<>(ElaborationJvm.Setup.class);
            for (int i = 0; i < REPEATS; i++) {  // rotate which setup goes first: the machine is shared
                for (int k = 0; k < setups.size(); k++) {
                    ElaborationJvm.Setup s = setups.get((i + k) % setups.size());
                    runs.computeIfAbsent(s, x -> new ArrayList<>()).add(jvm.run(design, s));
                }
            }
            Map<ElaborationJvm.Setup, ElaborationJvm.Sample> medians = new EnumMap<>(ElaborationJvm.Setup.class);
            runs.forEach((s, samples) -> medians.put(s, ElaborationRow.median(samples)));
            ElaborationRow row = new ElaborationRow(design, medians);
            System.out.println(row);
            rows.add(row);
        }
        assertTrue(rows.stream().filter(r -> !r.design().equals("empty")).allMatch(r -> r.plain().nodes() > 0),
                "every design elaborated to a non-empty netlist");
        Path root = projectRoot();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        ElaborationReport.write(root.resolve("docs/benchmarks.md"), root.resolve("rtl-out/bench.json"),
                date + ", load average " + load + " at start and " + loadAverage() + " at end, Java " + Runtime.version()
                        + ", median of " + REPEATS, rows);
        System.out.println(ElaborationReport.markdown(date, rows));
    }

    /** The 1-minute load average (the machine is shared: wall times are only meaningful beside it). */
    private static String loadAverage() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
    }
}
