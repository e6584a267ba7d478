package io.sessiongrid.session.replay;

import java.util.Set;

/**
 * What one {@link SessionReplay#fence} found.
 *
 * @param stale               sessions whose copy still differed from the owners at the deadline
 * @param rounds              version comparisons made (1 when the copy was current at once)
 * @param partitionsRefetched partitions read again because they had changed
 * @param bytesRefetched      their payload bytes
 */
public record FenceResult(Set<String> stale, int rounds, int partitionsRefetched, long bytesRefetched) {
    public FenceResult {
        stale = Set.copyOf(stale);
    }

    public boolean current() {
        return stale.isEmpty();
    }
}
