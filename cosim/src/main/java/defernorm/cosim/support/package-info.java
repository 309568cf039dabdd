/**
 * Helpers shared by the simulation engines: the nets a simulation exposes, the wording of errors, a VCD
 * writer, and the columns of block batches with the per-cycle batch forms adapted to them.
 */
package defernorm.cosim.support;
