/**
 * Accuracy study (issue requirement 2): random and edge-case real-valued problems, run through the
 * quantizer and the integer datapaths, measured against the float64 reference.
 */
package defernorm.golden.accuracy;
