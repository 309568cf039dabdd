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
        return report(ex, cmd.getCommandName(), cmd.getErr());
    }

    /**
     * Prints {@code ex} as one line on {@code err} (plus the stack trace with {@code DEFERNORM_DEBUG=1}) and
     * returns exit code 2. Also used by {@link Main#execute} for errors picocli does not catch, such as
     * {@link OutOfMemoryError}; {@code command} is the command that ran (for the sentence), or null.
     */
    static int report(Throwable ex, String command, PrintWriter err) {
        err.println("defernorm: " + message(ex, command));
        debug(ex, err);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    static String message(Throwable ex) { return message(ex, null); }

    static String message(Throwable ex, String command) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError oom) return outOfMemory(oom, command);
            if (c.getCause() == c) break;
        }
        Throwable t = ex;
        while (t.getCause() != null && !(t instanceof UserError) && !(t instanceof IllegalArgumentException)) t = t.getCause();
        if (t instanceof UserError || t instanceof IllegalArgumentException) return oneLine(t.getMessage());
        String what = ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage());
        return "internal error (" + ex.getClass().getSimpleName() + what + "); set DEFERNORM_DEBUG=1 for details";
    }

    /** One sentence: which memory ran out, the current heap limit, and how to raise it. */
    static String outOfMemory(OutOfMemoryError e, String command) {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        long suggestGb = Math.max(2, (2 * maxMb + 1023) / 1024);
        String what = e.getMessage() == null || e.getMessage().isBlank() ? "Java heap space" : oneLine(e.getMessage());
        String where = command == null || command.isBlank() || command.equals("defernorm") ? "" : " while running '" + command + "'";
        String heap = maxMb > 0 && maxMb < Long.MAX_VALUE / (1024 * 1024) ? ", heap limit " + maxMb + " MB" : "";
        return "ran out of memory" + where + " (" + what + heap + "); raise the limit with DEFERNORM_JAVA_OPTS=-Xmx"
                + suggestGb + "g (for example: DEFERNORM_JAVA_OPTS=-Xmx" + suggestGb + "g ./defernorm ...), or use a smaller shape or fewer tokens.";
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
