package defernorm.testbench.cli;

import defernorm.golden.model.Params;
import picocli.CommandLine.Option;

/** The shape parameters every command takes: n, m, P, Q, C (docs/microarchitecture.md, "Parameters"). */
public final class ShapeOptions {
    @Option(names = "-n", paramLabel = "N", defaultValue = "64", description = "Vector length (activations per token, or scores per row). Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "-m", paramLabel = "M", defaultValue = "32", description = "Output columns of the linear layer (or of V). Default: ${DEFAULT-VALUE}.")
    int m;

    @Option(names = "-P", paramLabel = "P", defaultValue = "8", description = "Input lanes (int8 per input beat); must divide n. Default: ${DEFAULT-VALUE}.")
    int p;

    @Option(names = "-Q", paramLabel = "Q", defaultValue = "4", description = "Output lanes per beat; must divide m. Default: ${DEFAULT-VALUE}.")
    int q;

    /** The collective latency when -C is not given. */
    public static final int DEFAULT_C = 4;

    @Option(names = "-C", paramLabel = "C", description = "Latency in cycles of the collective stage (0 allowed). Default: 4 (0 with --tiles above 1).")
    Integer c;

    /** The parameters, validated by the golden model (a broken rule is one sentence, exit 2). */
    public Params params() { return params(DEFAULT_C); }

    /** The parameters, with {@code defaultC} when -C is not given. */
    public Params params(int defaultC) { return new Params(n, m, p, q, c == null ? defaultC : c); }
}
