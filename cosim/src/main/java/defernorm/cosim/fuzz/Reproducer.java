package defernorm.cosim.fuzz;

import defernorm.cosim.random.DesignBatch;
import defernorm.cosim.random.Gene;
import defernorm.cosim.random.Genome;
import defernorm.cosim.random.RandomDesign;
import defernorm.cosim.random.RandomStimulus;
import defernorm.hdl.ir.Design;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small design that once made a tool disagree with the built-in engine or reject the Verilog, saved as a
 * text file (a {@code .repro}) that a normal test replays on all three simulators. The file is the genome
 * (one gene a line), the stimulus seed and length, and comment lines saying what went wrong.
 *
 * <pre>{@code
 * Reproducer r = Reproducer.read(Path.of("cosim/src/test/resources/fuzz-reproducers/verilator-rejected-1a2b.repro"));
 * Design d = r.design();
 * RandomStimulus s = r.stimulus(d);
 * }</pre>
 *
 * @param genome  the design, built as {@link #design()} does
 * @param seed    the {@link RandomStimulus} seed
 * @param cycles  cycles to run
 * @param found   what the tool did when the reproducer was saved (comment lines of the file)
 */
public record Reproducer(Genome genome, long seed, int cycles, String tool, String found) {
    public static final String EXTENSION = ".repro";

    /** The design the genome describes, alone under the top {@code fuzz_top}, as the campaign checks it. */
    public Design design() { return standalone(genome); }

    public RandomStimulus stimulus(Design design) { return RandomStimulus.of(design, cycles, seed); }

    static Design standalone(Genome genome) {
        return DesignBatch.combine("fuzz_top", List.of(RandomDesign.build(genome, "d0")));
    }

    /** A file name that depends only on the content, so the same finding is never saved twice. */
    public String fileName(Outcome.Kind kind) {
        return tool + "-" + kind.name().toLowerCase() + "-" + Integer.toHexString(text().hashCode()) + EXTENSION;
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String line : found.lines().limit(20).toList()) sb.append("# ").append(line).append('\n');
        sb.append("tool ").append(tool).append('\n');
        sb.append("seed ").append(seed).append('\n');
        sb.append("cycles ").append(cycles).append('\n');
        for (Gene g : genome.top()) sb.append("top ").append(gene(g)).append('\n');
        for (Gene g : genome.child()) sb.append("child ").append(gene(g)).append('\n');
        return sb.toString();
    }

    private static String gene(Gene g) { return g.kind() + " " + g.a() + " " + g.b() + " " + g.c() + " " + g.d(); }

    public Path write(Path dir, Outcome.Kind kind) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(fileName(kind)), text());
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the reproducer in " + dir + ": " + e.getMessage(), e);
        }
    }

    public static Reproducer read(Path file) throws IOException {
        List<Gene> top = new ArrayList<>(), child = new ArrayList<>();
        StringBuilder found = new StringBuilder();
        String tool = null;
        long seed = 0;
        int cycles = 0;
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            n++;
            if (line.isBlank()) continue;
            if (line.startsWith("#")) { found.append(line.substring(1).strip()).append('\n'); continue; }
            String[] f = line.trim().split("\\s+");
            try {
                switch (f[0]) {
                    case "tool" -> tool = f[1];
                    case "seed" -> seed = Long.parseLong(f[1]);
                    case "cycles" -> cycles = Integer.parseInt(f[1]);
                    case "top", "child" -> (f[0].equals("top") ? top : child).add(new Gene(Integer.parseInt(f[1]),
                            Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5])));
                    default -> throw new IOException(file + ":" + n + ": unknown key '" + f[0] + "'");
                }
            } catch (RuntimeException e) {
                throw new IOException(file + ":" + n + ": expected '<key> <numbers>', got '" + line + "'");
            }
        }
        if (tool == null || cycles <= 0 || top.isEmpty()) {
            throw new IOException(file + ": a reproducer needs a tool, cycles > 0 and at least one top gene");
        }
        return new Reproducer(new Genome(top, child), seed, cycles, tool, found.toString().strip());
    }
}
