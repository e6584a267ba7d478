/**
 * The Hazelcast implementation of the SNI service: the stored records (Compact-serialized: chunks, the pool
 * directory, applications, reservations), the entry processors that are the only writers of those maps, and
 * {@link io.sessiongrid.sni.internal.HazelcastSniService}, which drives them. Not a public API.
 *
 * <p>Safety argument: each identifier's state lives in exactly one chunk entry and only chunk entry processors
 * change it (atomic per key, replayed on the backup because every processor is deterministic: time is an argument,
 * never read inside). The pool directory and the applications' chunk lists are hints for where to look; losing or
 * racing on them can waste a call or leak a chunk until the next sweep, never hand out an identifier twice.
 *
 * <p>Local hand-outs ({@link io.sessiongrid.sni.internal.ShadowPool}, {@link io.sessiongrid.sni.internal.Handovers})
 * keep that argument: the pool holds only identifiers the grid records as reserved for a reservation of this
 * instance, which no grid allocation takes and no other instance releases early; the pool removes what it hands out;
 * it stops a margin before the reservation expires (only then may a sweep free them); and the grid moves an
 * identifier from the reservation to a lease only while the reservation still holds it, so the hand-over (sent by a
 * background thread, or completed by any heartbeat of the lease) cannot take an identifier from anyone else. Process
 * death leaks the unhanded identifiers until the reservation expires, never hands them out twice.
 */
package io.sessiongrid.sni.internal;
