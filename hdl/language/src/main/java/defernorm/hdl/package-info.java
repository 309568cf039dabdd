/**
 * The hardware description language. A design is a {@link defernorm.hdl.Component} subclass whose constructor
 * declares ports and builds logic; {@link defernorm.hdl.Elaborator} checks it and produces the IR.
 *
 * <ul>
 *   <li>Values: {@link defernorm.hdl.Signal} (width rules in {@link defernorm.hdl.ir.WidthRules}), assignable
 *       {@link defernorm.hdl.Output}, {@link defernorm.hdl.Wire}, {@link defernorm.hdl.Reg};
 *       {@link defernorm.hdl.Mem}.</li>
 *   <li>Aggregates: bundle records and {@link defernorm.hdl.Vec}, described by a {@link defernorm.hdl.Shape}
 *       ({@link defernorm.hdl.Fields}); {@link defernorm.hdl.AxiStream} is one.</li>
 *   <li>Hierarchy: {@link defernorm.hdl.Inst}, connected through the child's port handles.</li>
 *   <li>Enums: any Java enum, e.g. {@code reg("state_q", State.class)}.</li>
 * </ul>
 *
 * <pre>{@code
 * import defernorm.hdl.*;          // no name here clashes with java.lang
 * import defernorm.hdl.ir.Type;
 * }</pre>
 */
package defernorm.hdl;
