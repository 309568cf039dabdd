package defernorm.cosim.verilator;

/** What a net of the harness's net table is, which decides what may be done with it. */
enum NetKind {
    /** A top-level input port (including the implicit {@code rst}); may be poked. */
    INPUT,
    /** A top-level output port. */
    OUTPUT,
    /** A net the user marked for debug, anywhere in the hierarchy; read-only. */
    DEBUG
}
