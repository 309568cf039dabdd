/**
 * The built-in cycle simulator ({@link defernorm.cosim.builtin.BuiltinSimulation}).
 *
 * <p>Pipeline, run once when a simulation opens: {@code Flattener} inlines the hierarchy (child nets become
 * {@code instance.net}); {@code SlotMap} gives every net a slot in one {@code long[]} (wires, ports and
 * widening resizes share their source's slot; values over 64 bits take consecutive words);
 * {@code Levelizer} orders the combinational nodes by level; {@code CombCompiler} sorts each level by op code
 * and turns it into op codes ({@code CombProgram}, runs of one op code each, with {@code WideOp} for wide
 * values), after {@code SlotMap} has laid the slots out in that evaluation order; {@code RegisterBank} (in
 * place where {@code UpdateOrder} allows) and {@code MemoryBank} hold registers and memories as index tables.
 * Each cycle then runs a few tight loops and allocates nothing. {@code TopSpeedBench} (tag {@code bench})
 * measures it on the Llama-scale top.
 */
package defernorm.cosim.builtin;
