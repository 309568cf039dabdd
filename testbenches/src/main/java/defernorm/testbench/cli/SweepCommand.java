package defernorm.testbench.cli;

import defernorm.cosim.Engine;
import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;
import defernorm.golden.system.Topology;
import defernorm.testbench.sweep.CosimPointRunner;
import defernorm.testbench.sweep.PointResult;
import defernorm.testbench.sweep.ShardSpec;
import defernorm.testbench.sweep.SweepGrid;
import defernorm.testbench.sweep.SweepProgress;
import defernorm.testbench.sweep.SweepRunner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code defernorm sweep}: a grid of systems, each co-simulated, one JSON line per point; {@code sweep merge} joins slices. */
@Command(name = "sweep", mixinStandardHelpOptions = true, subcommands = SweepMergeCommand.class,
        description = {"Run a grid op x variant x T x topology x H x n x m x P x Q: each point builds its top (T tiles joined by a "
                + "ring or tree of links with H register stages per hop), streams random tokens through it with every cycle "
                + "compared against the golden model, and writes one JSON line (predicted and measured latency, L_ar, the "
                + "collective's share of standard's latency, ...) to --out, in grid order. The points are spread over --jobs threads.",
                "--shard i/N runs slice i (0-based) of N: the points whose index is i mod N, for a batch scheduler to spread a "
                + "large sweep over machines; 'sweep merge' joins the slices into the file one unsharded run writes.",
                "Exit code 0 when every point matches the golden model, 1 when one does not, 2 on bad input."},
        footer = {"", "Example: defernorm sweep --ops rmsnorm --tiles 1,4,16 --hop-latency 1,100 --shard 0/4 --out s0.jsonl"})
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--ops", split = ",", paramLabel = "OP", defaultValue = "layernorm,rmsnorm,softmax",
            description = "Ops, comma-separated. Default: ${DEFAULT-VALUE}.")
    List<Op> ops;

    @Option(names = "--variants", split = ",", paramLabel = "VARIANT", defaultValue = "standard,deferred,matmul",
            description = "Variants, comma-separated. Default: ${DEFAULT-VALUE}.")
    List<Variant> variants;

    @Option(names = "--tiles", split = ",", paramLabel = "T", defaultValue = "1,2,4,8,16",
            description = "Tile counts T (1 to 16; T·P must divide n). Default: ${DEFAULT-VALUE}.")
    List<Integer> tiles;

    @Option(names = "--topology", split = ",", paramLabel = "TOPOLOGY", defaultValue = "ring,tree",
            description = "ring and/or tree. Default: ${DEFAULT-VALUE}.")
    List<Topology> topologies;

    @Option(names = "--hop-latency", split = ",", paramLabel = "H", defaultValue = "1,10,100",
            description = "Register stages per link (0 to 1000). Default: ${DEFAULT-VALUE}.")
    List<Integer> hops;

    @Option(names = "-n", split = ",", paramLabel = "N", defaultValue = "256",
            description = "Total vector lengths (each tile holds n/T). Default: ${DEFAULT-VALUE}.")
    List<Integer> ns;

    @Option(names = "-m", split = ",", paramLabel = "M", defaultValue = "32", description = "Output columns. Default: ${DEFAULT-VALUE}.")
    List<Integer> ms;

    @Option(names = "-P", split = ",", paramLabel = "P", defaultValue = "4", description = "Input lanes per tile. Default: ${DEFAULT-VALUE}.")
    List<Integer> ps;

    @Option(names = "-Q", split = ",", paramLabel = "Q", defaultValue = "4", description = "Output lanes. Default: ${DEFAULT-VALUE}.")
    List<Integer> qs;

    @Option(names = "--link-bits", paramLabel = "BITS", defaultValue = "64",
            description = "Bits a statistics link carries per cycle. Default: ${DEFAULT-VALUE}.")
    int linkBits;

    @Option(names = "--tokens", paramLabel = "COUNT", defaultValue = "3", description = "Random tokens per point. Default: ${DEFAULT-VALUE}.")
    int tokens;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of every point's configuration and tokens. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "builtin",
            description = "builtin or verilator (cycle counts do not depend on it). Default: ${DEFAULT-VALUE}.")
    EngineOption.Choice engine;

    @Option(names = "--jobs", paramLabel = "K", description = "Points run at once. Default: the machine's cores.")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "i/N", defaultValue = "0/1",
            description = "Run slice i (counted from 0) of N: the points whose index is i mod N. Default: ${DEFAULT-VALUE} (all).")
    String shard;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "rtl-out/sweep.jsonl",
            description = "Where the JSON lines go (replaced). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write DIR/system.html, the system report (only for a whole grid; after --shard, use 'sweep merge --report').")
    Path report;

    @Option(names = "--no-progress", description = "No progress line on stderr.")
    boolean noProgress;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        ShardSpec slice = ShardSpec.parse(shard);
        int k = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (k < 1) throw new UserError("--jobs must be at least 1, got " + k + ".");
        if (report != null && slice.count() > 1) {
            throw new UserError("--report needs the whole grid, not slice " + slice + "; run 'sweep merge SLICES... --out FILE --report DIR' after the slices.");
        }
        Engine chosen = engine == EngineOption.Choice.VERILATOR ? EngineProbe.require(Engine.VERILATOR)
                : engine == EngineOption.Choice.AUTO ? EngineProbe.choose().engine() : Engine.BUILTIN;
        SweepGrid grid = new SweepGrid(ops, variants, tiles, topologies, hops, ns, ms, ps, qs, linkBits, tokens, seed, chosen);
        Files2.writableFile(Files2.parentReady(out), "--out");
        if (report != null) Files2.dir(report);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int count = grid.points(slice).size();
        stdout.printf("Sweep of grid %s: %s, slice %s runs %d of them on %s (%s engine).%n", grid.fingerprint(),
                SweepSummary.count(grid.size(), "point"), slice, count, SweepSummary.count(k, "thread"), chosen.name().toLowerCase());
        stdout.flush();
        SweepRunner.Listener progress = noProgress ? r -> {} : SweepProgress.to(err, System.console() != null && System.console().isTerminal(), count);
        List<PointResult> results;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            results = SweepRunner.run(grid, slice, k, new CosimPointRunner(grid), line -> writeLine(w, line), progress);
        } catch (IOException e) {
            throw new UserError("cannot write " + out + " (" + e.getMessage() + ").");
        }
        return SweepSummary.print(stdout, results, out, report);
    }

    private static void writeLine(BufferedWriter w, String line) {
        try {
            w.write(line);
            w.write('\n');
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
