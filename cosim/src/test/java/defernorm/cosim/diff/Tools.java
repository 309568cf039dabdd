package defernorm.cosim.diff;

import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import net.jqwik.api.lifecycle.SkipExecutionHook.SkipResult;

/**
 * jqwik hooks that skip a property when an external simulator is missing. The rule is
 * {@link ToolChecks#skipReason}'s: skip locally, fail with the install command when CI=true.
 */
final class Tools {
    private Tools() {}

    private static SkipResult skipUnless(Tool tool) {
        return ToolChecks.skipReason(tool).map(SkipResult::skip).orElse(SkipResult.doNotSkip());
    }

    /** Skips a property when Icarus Verilog is missing (fails instead on CI). */
    static final class NeedsIcarus implements SkipExecutionHook {
        @Override public SkipResult shouldBeSkipped(LifecycleContext context) { return skipUnless(Tool.IVERILOG); }
    }

    /** Skips a property when Verilator is missing (fails instead on CI). */
    static final class NeedsVerilator implements SkipExecutionHook {
        @Override public SkipResult shouldBeSkipped(LifecycleContext context) { return skipUnless(Tool.VERILATOR); }
    }
}
