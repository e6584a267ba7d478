package io.sessiongrid.session.replay;

import java.util.Map;

/**
 * What one {@link SessionReplay#warm} copied.
 *
 * @param sessions          sessions asked for
 * @param partitionsFetched partitions that existed and were copied
 * @param bytesFetched      their stored payload bytes (JSON, or ciphertext for encrypted types)
 * @param bytesBySession    {@code bytesFetched} by session id
 * @param partitionsBySession {@code partitionsFetched} by session id
 */
public record ReplayResult(int sessions, int partitionsFetched, long bytesFetched, Map<String, Long> bytesBySession,
                           Map<String, Integer> partitionsBySession) {
    public ReplayResult {
        bytesBySession = Map.copyOf(bytesBySession);
        partitionsBySession = Map.copyOf(partitionsBySession);
    }
}
