package defernorm.cosim.fuzz;

import defernorm.cosim.random.DesignBatch;
import defernorm.cosim.random.Genome;
import defernorm.cosim.random.RandomDesign;
import defernorm.cosim.random.RandomStimulus;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A differential fuzz campaign: batches of random designs run on the built-in engine, on Verilator (one
 * build per batch, the designs side by side) and, every few batches, on Icarus. Each design a tool gets
 * wrong or rejects is re-checked alone, minimized ({@link Minimizer}) and saved as a {@link Reproducer}
 * that the test suite replays. Progress is saved after every batch, so an interrupted campaign resumes
 * where it stopped.
 *
 * <pre>{@code
 * FuzzState end = new FuzzCampaign(FuzzConfig.defaults(10_000), System.out).run();
 * }</pre>
 */
public final class FuzzCampaign {
    private static final long[] STANDALONE_SEEDS = {1, 2, 3};

    private final FuzzConfig config;
    private final PrintStream out;
    private final Engines engines;

    public FuzzCampaign(FuzzConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
        this.engines = new Engines(config.work());
    }

    /** Runs batches until the state counts {@link FuzzConfig#designs()} designs; returns the final state. */
    public FuzzState run() {
        FuzzState state = FuzzState.load(config.stateFile(), config.seed());
        if (state.nextBatch() > 0) out.println("fuzz: resuming at batch " + state.nextBatch() + " (" + state.designs() + " designs done)");
        while (state.designs() < config.designs()) {
            long t0 = System.nanoTime();
            int n = (int) Math.min(config.perBuild(), config.designs() - state.designs());
            BatchTally tally = batch(state.seed(), state.nextBatch(), state.designs(), n);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            state = state.afterBatch(n, tally.icarus, tally.disagreements, tally.rejected, ms);
            state.save(config.stateFile());
            out.printf("fuzz: batch %d done in %.1f s; %d designs (%d through Icarus), %d disagreements, %d rejected%n",
                    state.nextBatch() - 1, ms / 1000.0, state.designs(), state.icarusDesigns(), state.disagreements(), state.rejected());
        }
        out.printf("fuzz: %d designs through Icarus; %.0f s of campaign time in all%n", state.icarusDesigns(), state.millis() / 1000.0);
        out.println(state.closingLine());
        return state;
    }

    private static final class BatchTally { int icarus, disagreements, rejected; }

    /** Design {@code index} of the campaign; identified by its index alone (cheap as a map key). */
    private record Part(long index, Genome genome, Design design) {
        @Override public boolean equals(Object o) { return o instanceof Part p && p.index == index; }
        @Override public int hashCode() { return Long.hashCode(index); }
    }

    /** Batch {@code batch}: designs {@code first .. first + n - 1} (numbered across the campaign, so resuming
     *  with another batch size neither skips nor repeats designs). */
    private BatchTally batch(long seed, long batch, long first, int n) {
        List<Part> parts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            long index = first + k;
            Genome g = GenomeSource.genome(seed, index);
            parts.add(new Part(index, g, RandomDesign.build(g, "d" + index)));
        }
        BatchTally tally = new BatchTally();
        List<String> tools = new ArrayList<>(List.of(Engines.VERILATOR));
        if (batch % config.icarusEvery() == 0) {
            tools.add(Engines.ICARUS);
            tally.icarus = n;
        }
        Map<Long, Part> failed = new LinkedHashMap<>();   // a design counts once, whichever tools it fails
        for (String tool : tools) {
            for (Map.Entry<Part, Outcome> f : failures(tool, parts, seed ^ batch).entrySet()) {
                Part p = f.getKey();
                if (failed.putIfAbsent(p.index(), p) == null) {
                    if (f.getValue().kind() == Outcome.Kind.REJECTED) tally.rejected++; else tally.disagreements++;
                }
                out.println("fuzz: design " + p.index() + ": " + f.getValue().summary());
                keep(p, f.getValue());
            }
        }
        return tally;
    }

    /** The parts {@code tool} rejects or gets wrong, with what it did; finds rejected parts by bisection. */
    private Map<Part, Outcome> failures(String tool, List<Part> parts, long stimSeed) {
        Map<Part, Outcome> result = new LinkedHashMap<>();
        Design all = DesignBatch.combine("fuzz_top", parts.stream().map(Part::design).toList());
        RandomStimulus stim = RandomStimulus.of(all, config.cycles(), stimSeed);
        BigInteger[][] ref;
        try {
            ref = Engines.builtin(all, stim);
        } catch (RuntimeException e) {
            return bisect(tool, parts, stimSeed, new Outcome(Outcome.Kind.REJECTED, Engines.BUILTIN, String.valueOf(e.getMessage())));
        }
        BigInteger[][] got;
        try {
            got = engines.run(tool, all, stim);
        } catch (Exception e) {
            return bisect(tool, parts, stimSeed, new Outcome(Outcome.Kind.REJECTED, tool, String.valueOf(e.getMessage())));
        }
        if (got.length != ref.length) {
            return bisect(tool, parts, stimSeed, new Outcome(Outcome.Kind.REJECTED, tool,
                    tool + " ran " + got.length + " of " + ref.length + " cycles"));
        }
        List<Node.Output> outs = all.topModule().outputs();
        for (Part p : parts) {
            String prefix = p.design().top() + "_";
            for (int c = 0; c < ref.length && !result.containsKey(p); c++) {
                for (int o = 0; o < outs.size(); o++) {
                    if (!outs.get(o).name().startsWith(prefix)) continue;
                    if (got[c][o] == null || !got[c][o].equals(ref[c][o])) {
                        result.put(p, new Outcome(Outcome.Kind.DISAGREE, tool, "cycle " + c + ": output " + outs.get(o).name()
                                + " is " + got[c][o] + " on " + tool + " but " + ref[c][o] + " on the built-in engine"));
                        break;
                    }
                }
            }
        }
        return result;
    }

    /** Splits a batch a tool failed on until single parts fail alone; parts that only fail together stay together. */
    private Map<Part, Outcome> bisect(String tool, List<Part> parts, long stimSeed, Outcome whole) {
        Map<Part, Outcome> result = new LinkedHashMap<>();
        if (parts.size() == 1) {
            result.put(parts.get(0), whole);
            return result;
        }
        int mid = parts.size() / 2;
        for (List<Part> half : List.of(parts.subList(0, mid), parts.subList(mid, parts.size()))) {
            result.putAll(failures(tool, half, stimSeed));
        }
        if (result.isEmpty()) for (Part p : parts) result.put(p, whole);   // only together: blame them all
        return result;
    }

    /** Re-checks a failing design alone, minimizes it and saves the reproducer. */
    private void keep(Part p, Outcome seen) {
        for (long seed : STANDALONE_SEEDS) {
            Outcome alone = check(p.genome(), seen.tool(), seed);
            if (!alone.sameFailure(seen)) continue;
            Minimizer min = new Minimizer(config.maxChecks());
            Genome small = min.minimize(p.genome(), g -> check(g, seen.tool(), seed).sameFailure(seen));
            Outcome last = check(small, seen.tool(), seed);
            if (!last.sameFailure(seen)) { small = p.genome(); last = alone; }
            String found = last.summary() + "\nfound as design " + p.index() + " of the campaign; minimized from "
                    + p.genome().size() + " to " + small.size() + " genes in " + min.checks() + " checks";
            Path file = new Reproducer(small, seed, config.cycles(), seen.tool(), found).write(config.reproducers(), seen.kind());
            out.println("fuzz: saved " + file);
            return;
        }
        out.println("fuzz: design " + p.index() + " fails only inside its batch; not saved as a reproducer");
    }

    /** {@code tool}'s verdict on {@code genome} alone under the stimulus of {@code seed}. */
    Outcome check(Genome genome, String tool, long seed) {
        Design d = Reproducer.standalone(genome);
        RandomStimulus stim = RandomStimulus.of(d, config.cycles(), seed);
        BigInteger[][] ref;
        try {
            ref = Engines.builtin(d, stim);
        } catch (RuntimeException e) {
            return new Outcome(Outcome.Kind.REJECTED, Engines.BUILTIN, String.valueOf(e.getMessage()));
        }
        return engines.compare(tool, d, stim, ref);
    }
}
