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

    @Option(names = "-C", paramLabel = "C", defaultValue = "4", description = "Latency in cycles of the collective stage (0 allowed). Default: ${DEFAULT-VALUE}.")
    int c;

    /** The parameters, validated by the golden model (a broken rule is one sentence, exit 2). */
    public Params params() { return new Params(n, m, p, q, c); }
}
