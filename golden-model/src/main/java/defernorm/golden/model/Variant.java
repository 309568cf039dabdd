package defernorm.golden.model;

/** Where the normalization happens relative to the matmul. */
public enum Variant {
    /** Statistics first, then normalize and requantize each activation, then the matmul. */
    STANDARD,
    /** Matmul on the raw activations beside the reduction; one scale per output at the end. */
    DEFERRED,
    /** No normalization at all: the latency floor. */
    MATMUL
}
