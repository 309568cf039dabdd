/**
 * Model-level estimate: composes the unit schedules into a Llama-style decoder block, standard vs
 * deferred, prefill and decode. Tables: {@link defernorm.golden.estimate.EstimateTable}, with the hardware's depths passed in.
 */
package defernorm.golden.estimate;
