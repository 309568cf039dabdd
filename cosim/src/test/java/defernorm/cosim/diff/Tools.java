package defernorm.cosim.diff;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import net.jqwik.api.lifecycle.SkipExecutionHook.SkipResult;
import org.junit.jupiter.api.Assertions;

/**
 * Whether an external simulator is installed. A missing one skips the property (jqwik hooks below), except
 * on CI (env CI=true) where {@link #require} fails with the install command.
 */
final class Tools {
    private Tools() {}

    /** Fails naming the install command when {@code tool} is missing (reached only on CI, where nothing is skipped). */
    static void require(String tool, String aptPackage) {
        if (!installed(tool)) Assertions.fail(why(tool, aptPackage));
    }

    private static String why(String tool, String aptPackage) {
        return tool + " is not installed (apt-get install -y " + aptPackage + ")";
    }

    static boolean installed(String tool) {
        try {
            Process p = new ProcessBuilder(tool, tool.equals("iverilog") ? "-V" : "--version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) { p.destroyForcibly(); return false; }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static SkipResult skipUnless(String tool, String aptPackage) {
        if ("true".equals(System.getenv("CI")) || installed(tool)) return SkipResult.doNotSkip();
        return SkipResult.skip(why(tool, aptPackage));
    }

    /** Skips a property when Icarus Verilog is missing (not on CI). */
    static final class NeedsIcarus implements SkipExecutionHook {
        @Override public SkipResult shouldBeSkipped(LifecycleContext context) { return skipUnless("iverilog", "iverilog"); }
    }

    /** Skips a property when Verilator is missing (not on CI). */
    static final class NeedsVerilator implements SkipExecutionHook {
        @Override public SkipResult shouldBeSkipped(LifecycleContext context) { return skipUnless("verilator", "verilator"); }
    }
}
