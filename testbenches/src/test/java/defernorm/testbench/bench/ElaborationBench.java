package defernorm.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold elaboration ({@code make bench}): each design built, elaborated and emitted as Verilog in a fresh JVM, the
 * way a user's program runs, plain and with an AOT cache recorded from a training run on the 4×4 MAC array; plus
 * a JVM whose main returns at once (the floor). Runs alternate between the two modes; each figure is the median
 * of {@code -Dbench.elab.repeats} runs (3). Writes the "elaboration" section of docs/benchmarks.md and the
 * {@code elaboration} list of rtl-out/bench.json.
 */
@Tag("bench")
class ElaborationBench {
    private static final int REPEATS = Integer.getInteger("bench.elab.repeats", 3);
    static final List<String> DESIGNS = List.of("empty", "mac4x4", "mac8x8", "mac16x16", "mac32x32", "mac64x64",
            "adder64", "adder256", "adder1024");

    @TempDir Path tmp;

    @Test void coldElaboration() throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        ElaborationJvm jvm = ElaborationJvm.in(tmp);
        jvm.train("mac4x4");
        List<ElaborationRow> rows = new ArrayList<>();
        for (String design : DESIGNS) {
            List<ElaborationJvm.Sample> plain = new ArrayList<>(), cached = new ArrayList<>();
            for (int i = 0; i < REPEATS; i++) {  // alternate which goes first: the machine is shared
                if (i % 2 == 0) { plain.add(jvm.run(design, false)); cached.add(jvm.run(design, true)); }
                else { cached.add(jvm.run(design, true)); plain.add(jvm.run(design, false)); }
            }
            ElaborationRow row = new ElaborationRow(design, ElaborationRow.median(plain), ElaborationRow.median(cached));
            System.out.println(row);
            rows.add(row);
        }
        assertTrue(rows.stream().filter(r -> !r.design().equals("empty")).allMatch(r -> r.plain().nodes() > 0),
                "every design elaborated to a non-empty netlist");
        Path root = projectRoot();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        ElaborationReport.write(root.resolve("docs/benchmarks.md"), root.resolve("rtl-out/bench.json"),
                date + ", load average " + load + " at start, Java " + Runtime.version() + ", median of " + REPEATS, rows);
        System.out.println(ElaborationReport.markdown(date, rows));
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
    }
}
