package defernorm.testbench.cli;

import defernorm.testbench.eval.EvalRequest;
import defernorm.testbench.eval.Evaluator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code defernorm eval}: real-valued inputs through the generated RTL, real-valued outputs back. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Quantize real-valued inputs (activations and the layer, or scores and V) with the documented scales, "
                + "run them through the generated RTL (checked against the golden model), and write the real-valued outputs "
                + "with the raw integers beside them, and two float64 references: 'reference' on the dequantized int8 inputs "
                + "(the datapath's own error) and 'referenceFromX' on your x (the end-to-end error). "
                + "\"inScale\": \"per-token\" gives each LayerNorm/RMSNorm token its own input scale. JSON shapes: docs/cli.md.",
                "Exit code 0 when the RTL matched the golden model, 1 if not (the output is still written), 2 on bad input."},
        footer = {"", "Example: defernorm eval --input docs/eval-sample.json --output result.json"})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE.json", description = "The inputs (see docs/cli.md).")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE.json", description = "Where to write the outputs.")
    Path output;

    @Mixin EngineOption engine;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        Files2.writableFile(output, "--output");
        EvalRequest req = EvalRequest.parse(Files2.read(input), input.toString());
        PrintWriter out = spec.commandLine().getOut();
        EngineProbe.Choice choice = engine.resolve();
        out.println(choice.note());
        Evaluator.Result r = Evaluator.evaluate(req, choice.engine());
        Files2.write(output, Evaluator.toJson(r));
        out.println(r.summary());
        out.println("Wrote " + output);
        return r.matchesGoldenModel() ? ExitCodes.PASS : ExitCodes.MISMATCH;
    }
}
