package defernorm.accel.units;

/** What a {@link ReductionTree} computes over the lanes of each beat and across the beats of a token. */
public enum ReduceOp {
    /** Sum of the lanes. */
    SUM,
    /** Sum of the squares of the lanes. */
    SUMSQ,
    /** Maximum of the lanes (signed compare for signed lanes). */
    MAX
}
