package defernorm.eda;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/** Skips a test when an external tool is missing, except in CI (env CI=true), where it fails instead. */
final class ToolAssume {
    private ToolAssume() {}

    static void installed(Tool... tools) {
        String reason;
        try {
            reason = ToolChecks.skipReason(tools).orElse(null);
        } catch (IllegalStateException inCi) {
            fail(inCi.getMessage());
            return;
        }
        if (reason != null) abort(reason);
    }
}
