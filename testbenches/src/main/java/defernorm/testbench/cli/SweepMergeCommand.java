package defernorm.testbench.cli;

import defernorm.testbench.sweep.PointJson;
import defernorm.testbench.sweep.SweepMerge;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code defernorm sweep merge}: the slices of one sweep joined into the file an unsharded run writes. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the JSON-lines slices of one sweep (written by 'sweep --shard i/N') into one file in grid order, "
                + "byte for byte what one unsharded run writes. Refuses slices of different grids, a point present twice and "
                + "a point missing.",
                "Exit code 0 when every point matched the golden model, 1 when one did not, 2 on bad input."},
        footer = {"", "Example: defernorm sweep merge s0.jsonl s1.jsonl s2.jsonl s3.jsonl --out all.jsonl --report rtl-out"})
final class SweepMergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SLICE", arity = "1..*", description = "The slices' JSON-lines files, in any order.")
    List<Path> slices;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The merged file (replaced).")
    Path out;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write DIR/system.html, the system report.")
    Path report;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        Files2.writableFile(Files2.parentReady(out), "--out");
        if (report != null) Files2.dir(report);
        List<PointJson.Line> lines = SweepMerge.merge(slices);
        Files2.write(out, SweepMerge.text(lines));
        spec.commandLine().getOut().printf("Merged %s: %s of grid %s.%n", SweepSummary.count(slices.size(), "slice"),
                SweepSummary.count(lines.size(), "point"), lines.get(0).grid());
        return SweepSummary.print(spec.commandLine().getOut(), lines.stream().map(PointJson.Line::result).toList(), out, report);
    }
}
