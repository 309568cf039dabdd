package defernorm.testbench.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code defernorm} command line: {@code generate}, {@code cosim}, {@code eval}, {@code run} and {@code sweep}, each with
 * {@code --help}. Exit codes: 0 pass, 1 mismatch found, 2 bad input or environment (one line on stderr).
 *
 * <pre>{@code
 * int code = Main.execute(new PrintWriter(System.out), new PrintWriter(System.err), "cosim", "--op", "rmsnorm", "--variant", "deferred");
 * }</pre>
 */
@Command(name = "defernorm", mixinStandardHelpOptions = true, version = "defernorm 0.1.0",
        description = "Generate deferred-normalization datapaths as Verilog, co-simulate them against the golden model, "
                + "and evaluate real-valued inputs through the RTL.%nExit codes: 0 pass, 1 mismatch found, 2 bad input or environment.",
        subcommands = {GenerateCommand.class, CosimCommand.class, EvalCommand.class, RunCommand.class, SweepCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: generate, cosim, eval, run or sweep");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** The first argument that names a command, or null. */
    private static String commandName(String[] args) {
        for (String a : args) if (java.util.List.of("generate", "cosim", "eval", "run", "sweep").contains(a)) return a;
        return null;
    }

    /** Runs one command line and returns its exit code; never throws. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        ErrorReporting errors = new ErrorReporting();
        cl.setParameterExceptionHandler(errors);
        cl.setExecutionExceptionHandler(errors);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler; an Error would otherwise end in a stack trace and exit 1
            return ErrorReporting.report(e, commandName(args), err);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
