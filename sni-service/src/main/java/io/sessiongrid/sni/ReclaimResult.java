package io.sessiongrid.sni;

import io.sessiongrid.sni.reclaim.RefusalReason;

import java.util.List;

/**
 * The result of a manual {@link SniService#reclaim(java.util.Collection)}: what was reclaimed, and why the
 * rest was refused. An identifier in use (its lease heartbeat is younger than the idle timeout) is never reclaimed.
 *
 * @param reclaimed identifiers that are free now
 * @param refused   the identifiers that were not reclaimed, each with the reason
 */
public record ReclaimResult(List<IdRange> reclaimed, List<Refusal> refused) {
    public ReclaimResult {
        reclaimed = List.copyOf(reclaimed);
        refused = List.copyOf(refused);
    }

    public int reclaimedCount() {
        return reclaimed.stream().mapToInt(IdRange::length).sum();
    }

    public int refusedCount() {
        return refused.stream().mapToInt(r -> r.range().length()).sum();
    }

    /** Identifiers that were not reclaimed, and why. */
    public record Refusal(IdRange range, RefusalReason reason) {
    }
}
