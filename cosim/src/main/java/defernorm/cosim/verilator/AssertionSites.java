package defernorm.cosim.verilator;

import defernorm.hdl.emit.CheckBlock;
import defernorm.hdl.emit.VerilogFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emitted assertions by Verilog file and line. A failed assertion stops the Verilated model with only
 * "$stop ... at Top.v:40 in cycle 12" (its $fatal text goes to stdout); this turns that back into the
 * sentence the built-in engine throws: the user's message, the cycle and the Java source line.
 */
final class AssertionSites {
    private static final Pattern STOP = Pattern.compile(" at ([^ :]+\\.v):(\\d+) in cycle (\\d+)");

    private final Map<String, String> lines = new HashMap<>();

    AssertionSites(List<VerilogFile> files) {
        for (VerilogFile f : files) {
            String[] text = f.text().split("\n", -1);
            for (int i = 0; i < text.length; i++) {
                if (CheckBlock.isAssertionLine(text[i])) lines.put(f.fileName() + ":" + (i + 1), text[i]);
            }
        }
    }

    /** {@code e} reworded when it is one of our assertions; otherwise {@code e} itself. */
    VerilatorException explain(VerilatorException e) {
        if (lines.isEmpty() || e.getMessage() == null) return e;
        Matcher m = STOP.matcher(e.getMessage());
        if (!m.find()) return e;
        String line = lines.get(m.group(1) + ":" + m.group(2));
        if (line == null) return e;
        String failure = CheckBlock.failureFromLine(line, Long.parseLong(m.group(3)));
        if (failure == null) return e;
        return new VerilatorException(failure + " (Verilator stopped at " + m.group(1) + ":" + m.group(2) + ")", e);
    }
}
