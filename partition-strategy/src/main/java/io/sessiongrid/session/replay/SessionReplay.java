package io.sessiongrid.session.replay;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Selective replay on one node: copies chosen partition types of chosen sessions into this node's warm local
 * copy, and fences that copy against the owners' versions. Obtain one per node from {@link SessionReplays#create};
 * thread-safe. What the warm copy is, and the consistency it gives, is in the package doc.
 */
public interface SessionReplay {

    /** The partition types this node keeps a warm copy of (its role's types, configured at startup). */
    Set<String> warmTypes();

    /**
     * Copies {@code types} of every session in {@code sessionIds} into the warm copy; types this node keeps no
     * copy of are skipped (nothing is fetched for them). One bulk read per type.
     *
     * @return what crossed the network
     */
    ReplayResult warm(Collection<String> sessionIds, Collection<String> types);

    /**
     * The version fence: compares the warm copy of {@code types} of each session with the version its owner
     * holds now, and re-reads what differs (an invalidation still in flight) until they agree or
     * {@code deadline} passes.
     *
     * @return the sessions whose copy still differs at the deadline (empty when the copy is current)
     */
    FenceResult fence(Collection<String> sessionIds, Collection<String> types, Instant deadline);

    /** Which of {@code types} each session holds, by session id (absent sessions map to an empty set). */
    Map<String, Set<String>> held(Collection<String> sessionIds, Collection<String> types);
}
