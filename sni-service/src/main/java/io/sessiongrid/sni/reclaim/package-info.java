/**
 * Reclamation as pure decision logic: {@link io.sessiongrid.sni.reclaim.ReclaimPolicy} decides, for one
 * identifier's holding and heartbeat, whether it may be reclaimed ({@link io.sessiongrid.sni.reclaim.ReclaimDecision})
 * and why not ({@link io.sessiongrid.sni.reclaim.RefusalReason}). The chunk entry processors apply it atomically,
 * so a heartbeat and a reclamation of the same identifier can never interleave.
 */
package io.sessiongrid.sni.reclaim;
