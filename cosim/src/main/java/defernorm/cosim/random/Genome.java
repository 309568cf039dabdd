package defernorm.cosim.random;

import java.util.List;

/**
 * The recipe of one random design: the genes of its top module and of one child module the top
 * instantiates (no child when {@code child} is empty). Interpreted by {@link RandomDesign#build}.
 */
public record Genome(List<Gene> top, List<Gene> child) {
    public Genome {
        top = List.copyOf(top);
        child = List.copyOf(child);
    }

    public int size() { return top.size() + child.size(); }
}
