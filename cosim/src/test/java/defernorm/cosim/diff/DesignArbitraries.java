package defernorm.cosim.diff;

import defernorm.cosim.random.Gene;
import defernorm.cosim.random.Genome;
import defernorm.cosim.random.RandomDesign;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of random designs: a {@link Genome} is lists of small integer genes, so jqwik's list
 * and integer shrinking (fewer genes, numbers toward 0) shrinks a failing design toward a small one.
 */
final class DesignArbitraries {
    private DesignArbitraries() {}

    static Arbitrary<Gene> genes() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 999);
        return Combinators.combine(Arbitraries.integers().between(0, RandomDesign.KINDS - 1), n, n, n, n).as(Gene::new);
    }

    /** A top of 1..{@code maxTop} genes and a child of 0..{@code maxChild} genes. */
    static Arbitrary<Genome> genomes(int maxTop, int maxChild) {
        return Combinators.combine(genes().list().ofMinSize(1).ofMaxSize(maxTop), genes().list().ofMaxSize(maxChild))
                .as(Genome::new);
    }
}
