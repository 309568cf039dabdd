package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;

import java.security.CodeSource;
import java.util.Objects;

/**
 * Finds the user's source line: the first stack frame whose class is not part of the HDL library (a
 * {@code defernorm.hdl} package loaded from the library's own code source) nor of the JDK. Test classes that
 * live in a {@code defernorm.hdl} package but come from another code source count as user code.
 */
final class SourceLocator {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final String LIBRARY_LOCATION = location(SourceLocator.class);

    private static final ClassValue<Boolean> LIBRARY = new ClassValue<>() {
        @Override protected Boolean computeValue(Class<?> c) {
            String pkg = c.getPackageName();
            if (pkg.startsWith("java.") || pkg.startsWith("jdk.") || pkg.startsWith("sun.")) return true;
            if (!pkg.equals("defernorm.hdl") && !pkg.startsWith("defernorm.hdl.")) return false;
            return Objects.equals(location(c), LIBRARY_LOCATION);
        }
    };

    private SourceLocator() {}

    static SourceLoc here() {
        return WALKER.walk(frames -> frames
                .filter(f -> !LIBRARY.get(f.getDeclaringClass()))
                .findFirst()
                .map(f -> new SourceLoc(f.getFileName() == null ? "<unknown>" : f.getFileName(), f.getLineNumber()))
                .orElse(SourceLoc.UNKNOWN));
    }

    private static String location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        return cs == null || cs.getLocation() == null ? null : cs.getLocation().toString();
    }
}
