/**
 * The Hazelcast implementation of the SNI service: the stored records (Compact-serialized: chunks, the pool
 * directory, applications, reservations), the entry processors that are the only writers of those maps, and
 * {@link io.sessiongrid.sni.internal.HazelcastSniService}, which drives them. Not a public API.
 *
 * <p>Safety argument: each identifier's state lives in exactly one chunk entry and only chunk entry processors
 * change it (atomic per key, replayed on the backup because every processor is deterministic: time is an argument,
 * never read inside). The pool directory and the applications' chunk lists are hints for where to look; losing or
 * racing on them can waste a call or leak a chunk until the next sweep, never hand out an identifier twice.
 */
package io.sessiongrid.sni.internal;
