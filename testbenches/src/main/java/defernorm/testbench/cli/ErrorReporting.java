package defernorm.testbench.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns every failure into one line on stderr and exit code 2: picocli's parameter errors, {@link UserError},
 * the golden model's and generator's {@link IllegalArgumentException}s (their messages are written as one
 * sentence for users), and anything unexpected (named as an internal error). Set {@code DEFERNORM_DEBUG=1}
 * to get the stack trace as well.
 */
final class ErrorReporting implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("defernorm: " + oneLine(ex.getMessage()) + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        debug(ex, err);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    @Override public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println("defernorm: " + message(ex));
        debug(ex, err);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    static String message(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && !(t instanceof UserError) && !(t instanceof IllegalArgumentException)) t = t.getCause();
        if (t instanceof UserError || t instanceof IllegalArgumentException) return oneLine(t.getMessage());
        String what = ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage());
        return "internal error (" + ex.getClass().getSimpleName() + what + "); set DEFERNORM_DEBUG=1 for details";
    }

    static String oneLine(String s) {
        if (s == null || s.isBlank()) return "unknown problem";
        String line = s.strip().lines().findFirst().orElse(s);
        return line;
    }

    private static void debug(Throwable ex, PrintWriter err) {
        if ("1".equals(System.getenv("DEFERNORM_DEBUG"))) ex.printStackTrace(err);
    }
}
