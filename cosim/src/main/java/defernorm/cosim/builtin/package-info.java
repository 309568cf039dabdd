/**
 * The built-in cycle simulator ({@link defernorm.cosim.builtin.BuiltinSimulation}).
 *
 * <p>Pipeline, run once when a simulation opens: {@code Flattener} inlines the hierarchy (child nets become
 * {@code instance.net}); {@code SlotMap} gives every net a slot in one {@code long[]} (wires, ports and
 * widening resizes share their source's slot; values over 64 bits take consecutive words);
 * {@code Levelizer} orders the combinational nodes; {@code CombCompiler} turns them into op codes
 * ({@code CombProgram}, with {@code WideOp} for wide values) and {@code RegisterBank} and {@code MemoryBank} hold
 * registers and memories as index tables. Each cycle then runs two tight loops and allocates nothing.
 */
package defernorm.cosim.builtin;
