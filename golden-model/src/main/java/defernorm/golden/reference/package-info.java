/**
 * Float64 references: {@link defernorm.golden.reference.Reference} (numerically careful, the accuracy
 * yardstick) and {@link defernorm.golden.reference.Textbook} (the literal formulas, to check the former).
 */
package defernorm.golden.reference;
