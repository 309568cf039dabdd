/**
 * The system level: T tiles joined by a reduction network (docs/system.md). {@link defernorm.golden.system.SystemShape}
 * names the system; the system golden model (values and schedule) lives here too.
 */
package defernorm.golden.system;
