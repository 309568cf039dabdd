package defernorm.hdl.ir;

/**
 * Where in the user's Java source a node was created: the first stack frame outside the HDL library.
 * Printed as {@code File.java:42}.
 */
public record SourceLoc(String file, int line) {
    public static final SourceLoc UNKNOWN = new SourceLoc("<unknown>", 0);

    @Override public String toString() { return file + ":" + line; }
}
