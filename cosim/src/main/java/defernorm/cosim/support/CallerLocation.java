package defernorm.cosim.support;

import defernorm.cosim.Simulation;
import java.security.CodeSource;
import java.util.Objects;

/**
 * Finds the user's source line for error messages: the first stack frame that is not simulator library
 * code (the cosim main classes) nor JDK code. Tests that live in {@code defernorm.cosim.*} packages still
 * count as user code, because they are loaded from a different code source than the library.
 *
 * <pre>{@code String where = CallerLocation.find();   // e.g. "MacTest.java:42" }</pre>
 */
public final class CallerLocation {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final CodeSource LIBRARY = codeSource(Simulation.class);

    private CallerLocation() {}

    /** {@code File.java:line} of the first frame outside the simulator library, or null if none. */
    public static String find() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isLibrary(f.getDeclaringClass()))
                .findFirst()
                .map(f -> (f.getFileName() == null ? f.getClassName() : f.getFileName()) + ":" + f.getLineNumber())
                .orElse(null));
    }

    private static boolean isLibrary(Class<?> c) {
        String n = c.getName();
        if (n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.")) return true;
        return n.startsWith("defernorm.cosim.") && Objects.equals(codeSource(c), LIBRARY);
    }

    private static CodeSource codeSource(Class<?> c) {
        return c.getProtectionDomain() == null ? null : c.getProtectionDomain().getCodeSource();
    }
}
