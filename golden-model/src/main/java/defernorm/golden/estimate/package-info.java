/**
 * Model-level estimate: composes the unit schedules into a Llama-style decoder block, standard vs
 * deferred, prefill and decode. Run {@link defernorm.golden.estimate.EstimateMain}.
 */
package defernorm.golden.estimate;
