package defernorm.cosim.fuzz;

import defernorm.cosim.random.Gene;
import defernorm.cosim.random.Genome;
import defernorm.cosim.random.RandomDesign;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The genome of design number {@code index} of a campaign with a given seed: a pure function, so a campaign
 * that resumes after an interruption makes exactly the designs it would have made.
 *
 * <pre>{@code
 * Genome g = GenomeSource.genome(1L, 1234);   // 1..14 top genes, 0..5 child genes
 * }</pre>
 */
public final class GenomeSource {
    static final int MAX_TOP = 14, MAX_CHILD = 5;

    private GenomeSource() {}

    public static Genome genome(long seed, long index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        List<Gene> top = new ArrayList<>(), child = new ArrayList<>();
        int nTop = 1 + r.nextInt(MAX_TOP), nChild = r.nextInt(MAX_CHILD + 1);
        for (int i = 0; i < nTop; i++) top.add(gene(r));
        for (int i = 0; i < nChild; i++) child.add(gene(r));
        return new Genome(top, child);
    }

    private static Gene gene(SplittableRandom r) {
        return new Gene(r.nextInt(RandomDesign.KINDS), r.nextInt(1000), r.nextInt(1000), r.nextInt(1000), r.nextInt(1000));
    }
}
