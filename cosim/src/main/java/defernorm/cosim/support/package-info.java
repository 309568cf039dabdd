/** Helpers shared by the simulation engines: the caller's source line for messages, and a VCD writer. */
package defernorm.cosim.support;
