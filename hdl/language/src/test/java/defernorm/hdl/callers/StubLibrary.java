package defernorm.hdl.callers;

import defernorm.hdl.SourceLocator;
import defernorm.hdl.ir.SourceLoc;
import java.util.Optional;

/** Stands for a library built on the HDL (like the simulators): it asks for its caller's line. */
public final class StubLibrary {
    private StubLibrary() {}

    /** The caller's line, skipping this library's frames. */
    public static Optional<SourceLoc> whoCalledMe() { return SourceLocator.callerOutside(StubLibrary.class); }

    /** The first frame outside the HDL only: this file's line. */
    public static Optional<SourceLoc> withoutSkipping() { return SourceLocator.callerOutside(); }
}
