package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;

import java.security.CodeSource;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds the user's source line: the first stack frame whose class is not part of the HDL library (a
 * {@code defernorm.hdl} package loaded from the library's own code source) nor of the JDK. Test classes that
 * live in a {@code defernorm.hdl} package but come from another code source count as user code.
 *
 * <p>Libraries built on the HDL (the simulators, testbench APIs) use {@link #callerOutside} to name their
 * caller's line the same way, skipping their own frames too:
 * <pre>{@code
 * SourceLocator.callerOutside(Simulation.class)          // e.g. Optional[MacTest.java:42]
 *         .map(at -> " (at " + at + ")").orElse("");
 * }</pre>
 */
public final class SourceLocator {
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

    /** Stack traces deeper than this cost more than a walk (measured: equal at about 30-40 frames, cold). */
    private static final int DEEP_STACK = 32;
    /** Set for a thread once it has been seen with a deep stack. */
    private static final ThreadLocal<Boolean> DEEP_STACKS = new ThreadLocal<>();
    private static final Map<String, Boolean> LIBRARY_BY_NAME = new ConcurrentHashMap<>();

    private SourceLocator() {}

    /**
     * The user's line. Two ways to find it, both exact: a {@code Throwable}'s stack trace, which the JVM fills in
     * natively and which is about 2.5 times cheaper than a {@code StackWalker} walk in a cold JVM on a shallow stack
     * (a user's main building a design; 2560 look-ups, as many as a 16×16 MAC array makes: ~25 against ~65 ms of
     * CPU); and the walker, whose cost does not grow with the depth of the stack (a trace materializes every frame,
     * so past about 32 frames, e.g. under a test runner, it costs more). The trace is tried first; once a trace comes
     * back deeper than {@value #DEEP_STACK} frames, the thread uses the walker from then on.
     */
    static SourceLoc here() {
        if (usesWalker()) return WALKER.walk(SourceLocator::firstUserFrame);
        StackTraceElement[] trace = new Throwable().getStackTrace();
        if (trace.length > DEEP_STACK) DEEP_STACKS.set(Boolean.TRUE);
        for (StackTraceElement e : trace) {
            if (!libraryClass(e.getClassName())) {
                return new SourceLoc(e.getFileName() == null ? "<unknown>" : e.getFileName(), e.getLineNumber());
            }
        }
        return SourceLoc.UNKNOWN;
    }

    /** True once this thread has been seen with a deep stack: {@link #here} walks instead of taking a trace. */
    static boolean usesWalker() { return DEEP_STACKS.get() != null; }

    /**
     * A plain loop rather than a stream pipeline: this runs for every operation the user writes, mostly before
     * the JIT has compiled anything, and every stage of a pipeline is more interpreted work per call.
     */
    private static SourceLoc firstUserFrame(Stream<StackWalker.StackFrame> frames) {
        for (Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
            StackWalker.StackFrame f = it.next();
            if (!LIBRARY.get(f.getDeclaringClass())) {
                return new SourceLoc(f.getFileName() == null ? "<unknown>" : f.getFileName(), f.getLineNumber());
            }
        }
        return SourceLoc.UNKNOWN;
    }

    /**
     * {@link #LIBRARY} for a class known by name (a stack trace names classes only), remembered per name: one map
     * look-up per frame is the whole cost once a name has been seen (this runs for each frame of each operation,
     * mostly interpreted).
     */
    private static boolean libraryClass(String name) {
        Boolean known = LIBRARY_BY_NAME.get(name);
        if (known == null) LIBRARY_BY_NAME.put(name, known = libraryClassByName(name));
        return known;
    }

    /** The JDK's by package, others looked up through the library's class loader; a name it cannot find is not the library's. */
    private static boolean libraryClassByName(String name) {
        if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) return true;
        if (!name.startsWith("defernorm.hdl.")) return false;
        try {
            return LIBRARY.get(Class.forName(name, false, SourceLocator.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        return cs == null || cs.getLocation() == null ? null : cs.getLocation().toString();
    }

    /**
     * The first frame outside the JDK, the HDL library and each given library, or empty when there is none.
     * A library is named by one of its classes: its frames are the classes in that class's package (and
     * subpackages) loaded from the same code source, so a user's tests in the same package still count as
     * the caller.
     */
    public static Optional<SourceLoc> callerOutside(Class<?>... libraries) {
        return WALKER.walk(frames -> frames
                .filter(f -> !LIBRARY.get(f.getDeclaringClass()) && !inAny(f.getDeclaringClass(), libraries))
                .findFirst()
                .map(f -> new SourceLoc(f.getFileName() == null ? f.getClassName() : f.getFileName(), f.getLineNumber())));
    }

    private static boolean inAny(Class<?> c, Class<?>[] libraries) {
        String pkg = c.getPackageName();
        for (Class<?> lib : libraries) {
            String root = lib.getPackageName();
            if ((pkg.equals(root) || pkg.startsWith(root + ".")) && Objects.equals(location(c), location(lib))) return true;
        }
        return false;
    }
}
